import { describe, expect, it } from 'vitest'
import { PROPERTIES, headersAlwaysSent } from '../properties/index.js'
import { dropsHeaders } from '../src/clients/faulty/drops-headers.js'
import { SDK_CLIENTS } from '../src/clients/sdk-clients.js'
import type { ClientUnderTest } from '../src/clients/client-under-test.js'
import { fuzz } from '../src/runner/fuzz.js'

const onPorts = (client: ClientUnderTest): ClientUnderTest => ({ ...client, network: 'real-port' })

describe('real sockets give the same verdicts as in-process interception for the same seed', () => {
  it('the SDK clients over real 127.0.0.1 ports: every property held, the same counts', async () => {
    // The transport properties: OAuth scenarios put the authorization server on another origin
    // in process but on the same port over sockets, so their traffic differs by design.
    const clients = SDK_CLIENTS.slice(0, 2)
    const properties = PROPERTIES.slice(0, 5)
    const inProcess = await fuzz({ clients, properties, runs: 40, seed: 77, timeoutMs: 5000 })
    const real = await fuzz({ clients: clients.map(onPorts), properties, runs: 40, seed: 77, timeoutMs: 5000 })
    // Counts of sessions differ: in process the OAuth authorization server is on another origin, over sockets on the same port.
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
})
