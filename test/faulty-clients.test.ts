import { describe, expect, it } from 'vitest'
import { headersAlwaysSent, PROPERTIES } from '../properties/index.js'
import * as props from '../properties/index.js'
import { loadExpectedFailures } from '../src/runner/expected-failures.js'
import { dropsHeaders } from '../src/clients/faulty/drops-headers.js'
import { noHeadersOnStream } from '../src/clients/faulty/no-headers-on-stream.js'
import { FAULTY_CLIENTS } from '../src/clients/registry.js'
import { fuzz } from '../src/runner/fuzz.js'
import { judgeInput } from '../src/runner/judge-input.js'
import { FAULTY_CASES } from '../src/clients/faulty/faulty-cases.js'

/** What the SDK under every faulty client already violates (expected-failures.json): not the faulty client's blame. */
const SDK_KNOWN = (await loadExpectedFailures('expected-failures.json'))
  .filter((e) => e.client === 'sdk-streamable' || e.client === 'sdk-sse')
  .map((e) => e.property)

const OAUTH_PROPERTIES = new Set([
  'pkce-s256',
  'resource-parameter',
  'scope-selection',
  'resource-mismatch-rejected',
  'token-in-authorization-header',
  'no-header-leak',
  'resource-metadata-honored',
  'prm-discovery-order',
  'as-metadata-discovery-order',
  'bounded-auth-retries',
  'pkce-support-checked',
  'client-registration',
  'scope-step-up',
])

describe('every property can fail: its faulty client is caught and shrunk', () => {
  it('every faulty client is covered here, and every property has one', () => {
    expect(FAULTY_CASES.map(({ client }) => client.name).sort()).toEqual(FAULTY_CLIENTS.map((client) => client.name).sort())
    expect([...new Set(FAULTY_CASES.map(({ property }) => property.id))].sort()).toEqual(PROPERTIES.map((p) => p.id).sort())
  })

  for (const { client, property, consequences } of FAULTY_CASES) {
    it(`${client.name} violates ${property.id}: found by the coverage phase (so on any seed), shrunk, reproduced`, async () => {
      const [result] = await fuzz({ clients: [client], properties: [property], runs: 10, seed: 99, timeoutMs: 5000 })
      expect(result!.verdict).toBe('violated')
      const ce = result!.counterexample!
      expect(ce.phase).toBe('coverage')
      expect(ce.violations.length).toBeGreaterThan(0)
      expect(ce.violations.every((v) => v.property === property.id && v.exchange !== undefined)).toBe(true)
      // Shrunk: at most one configured header, the simplest server that still shows it, a handful of
      // exchanges (the standard session is 8 requests: initialize, initialized, GET, list, 3 calls, DELETE).
      const needsOAuth = OAUTH_PROPERTIES.has(property.id)
      expect(Object.keys(ce.trial.config.headers).length).toBeLessThanOrEqual(
        property === headersAlwaysSent || needsOAuth ? 1 : 0,
      )
      if (needsOAuth) expect(ce.trial.scenario?.auth.kind).not.toBe('none')
      else expect(ce.trial.scenario?.auth).toEqual({ kind: 'none' })
      expect(ce.trial.exchanges.length).toBeLessThanOrEqual(property === props.boundedAuthRetries ? 150 : needsOAuth ? 80 : 12)

      // The coverage phase is the same whatever the seed: the printed command finds it again.
      const [replayed] = await fuzz({
        clients: [client],
        properties: [property],
        runs: 10,
        seed: 12345,
        phases: ['coverage'],
        timeoutMs: 5000,
      })
      expect(replayed!.counterexample!.trial.config).toEqual(ce.trial.config)
      expect(replayed!.counterexample!.violations.map((v) => v.message)).toEqual(ce.violations.map((v) => v.message))
      // And the concrete input it carries fails again on its own, no seed involved.
      const again = await judgeInput(client, property, ce.input, { timeoutMs: 5000 })
      expect(again.verdict).toBe('violated')
    })

    it(`${client.name} is not falsely blamed by the other properties`, async () => {
      const others = PROPERTIES.filter((p) => p.id !== property.id && !SDK_KNOWN.includes(p.id) && !consequences.includes(p.id))
      const results = await fuzz({ clients: [client], properties: others, runs: 100, seed: 99, timeoutMs: 5000 })
      for (const result of results) expect(result.counterexample?.violations ?? [], result.property.id).toEqual([])
    })
  }

  it('a random-phase counterexample replays from its seed and path', async () => {
    const [result] = await fuzz({
      clients: [dropsHeaders],
      properties: [headersAlwaysSent],
      runs: 100,
      seed: 99,
      phases: ['random'],
      timeoutMs: 5000,
    })
    const ce = result!.counterexample!
    expect(ce.phase).toBe('random')
    const [replayed] = await fuzz({
      clients: [dropsHeaders],
      properties: [headersAlwaysSent],
      runs: 100,
      seed: ce.seed,
      path: ce.path,
      timeoutMs: 5000,
    })
    expect(replayed!.counterexample!.trial.config).toEqual(ce.trial.config)
    expect(replayed!.counterexample!.input).toEqual(ce.input)
  })

  it('the stream-only fault is found on both transports', async () => {
    for (const transport of ['streamable-http', 'sse'] as const) {
      const client = { ...noHeadersOnStream, transports: [transport] }
      const [result] = await fuzz({ clients: [client], properties: [headersAlwaysSent], runs: 100, seed: 5, timeoutMs: 5000 })
      expect(result!.verdict, transport).toBe('violated')
      expect(result!.counterexample!.violations[0]!.message).toMatch(/GET .* lacked configured header/)
    }
  })
})
