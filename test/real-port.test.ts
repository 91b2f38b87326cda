import { describe, expect, it } from 'vitest'
import { PROPERTIES, headersAlwaysSent, noHeaderLeak } from '../properties/index.js'
import { resolveScenario } from '../src/scenario/resolve-scenario.js'
import { runTrial } from '../src/runner/run-trial.js'
import { dropsHeaders } from '../properties/headers-always-sent/witnesses.js'
import { SDK_CLIENTS } from '../src/clients/sdk-clients.js'
import type { ClientUnderTest } from '../src/clients/client-under-test.js'
import { fuzz } from '../src/runner/fuzz.js'
import { judge } from '../src/property/judge.js'

const onPorts = (client: ClientUnderTest): ClientUnderTest => ({ ...client, network: 'real-port' })

describe('real sockets give the same verdicts as in-process interception for the same seed', () => {
  it('the SDK clients over real 127.0.0.1 ports: every property held, the same counts', async () => {
    const clients = SDK_CLIENTS.slice(0, 2)
    const properties = PROPERTIES.filter((p) =>
      [
        'headers-always-sent',
        'no-discovery-without-challenge',
        'session-id-echoed',
        'protocol-version-header',
        'accept-headers',
      ].includes(p.id),
    )
    // The same seeded random trials both ways (the coverage phase would only repeat the comparison).
    const same = { properties, phases: ['random'] as const, runs: 60, seed: 77, timeoutMs: 5000 }
    const inProcess = await fuzz({ clients, ...same })
    const real = await fuzz({ clients: clients.map(onPorts), ...same })
    const summary = (results: typeof real) => results.map((r) => [r.client, r.property.id, r.verdict, r.runs])
    expect(summary(real)).toEqual(summary(inProcess))
    expect(real.some((r) => r.verdict === 'violated')).toBe(false)
    expect(real.filter((r) => r.verdict === 'held').length).toBeGreaterThan(4)
  })

  it('a faulty client shrinks to the same counterexample on real ports', async () => {
    const [inProcess] = await fuzz({
      clients: [dropsHeaders],
      properties: [headersAlwaysSent],
      runs: 50,
      seed: 12,
      timeoutMs: 5000,
    })
    const [real] = await fuzz({
      clients: [onPorts(dropsHeaders)],
      properties: [headersAlwaysSent],
      runs: 50,
      seed: 12,
      timeoutMs: 5000,
    })
    expect(real!.verdict).toBe('violated')
    expect(real!.counterexample!.path).toBe(inProcess!.counterexample!.path)
    expect(real!.counterexample!.trial.config.headers).toEqual(inProcess!.counterexample!.trial.config.headers)
    expect(real!.counterexample!.trial.config.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
    const shape = (ce: NonNullable<typeof real>['counterexample']) =>
      ce!.trial.exchanges.map((e) => `${e.method} ${new URL(e.url).pathname} ${e.status}`)
    expect(shape(real!.counterexample)).toEqual(shape(inProcess!.counterexample))
  })

  it('an authorization server on another origin gets a port of its own, and the header leak to it is seen', async () => {
    const config = {
      transport: 'streamable-http' as const,
      url: 'http://mcp.test/mcp',
      headers: { 'X-API-Key': 'real-port-key-1' },
    }
    const scenario = resolveScenario(config, {
      endpoint: 'at-configured-url',
      protocolVersions: ['2025-11-25'],
      responseMode: 'json',
      getStream: '405',
      sessions: false,
      deleteAllowed: true,
      legacyEndpoint: 'relative',
      tools: false,
      auth: {
        kind: 'oauth',
        oauth: {
          challenge: 'resource-metadata',
          prm: 'path-inserted',
          prmResource: 'exact',
          asOrigin: 'other',
          issuerPath: '',
          asMetadata: 'oauth',
          pkce: 'S256',
          registration: 'dcr',
          tokenAuth: 'none',
          tokenAccepted: true,
        },
      },
      moved: false,
      notFound: '404-json',
    })
    const trial = await runTrial(onPorts(SDK_CLIENTS[0]!), config, scenario, { timeoutMs: 5000 })
    const mcp = new URL(trial.config.url).origin
    const served = trial.scenario!.auth
    const asOrigin = served.kind === 'oauth' ? served.oauth.asOrigin : ''
    expect(asOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(asOrigin).not.toBe(mcp)
    // The metadata went to the other port, configured header and all (the v1 SDK's known leak).
    expect(trial.exchanges.some((e) => e.url.startsWith(`${asOrigin}/.well-known/oauth-authorization-server`))).toBe(true)
    expect(judge(noHeaderLeak, trial).violations.length).toBeGreaterThan(0)
  })
})
