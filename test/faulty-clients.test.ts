import { describe, expect, it } from 'vitest'
import {
  acceptHeaders,
  headersAlwaysSent,
  noDiscoveryWithoutChallenge,
  PROPERTIES,
  protocolVersionHeader,
  sessionIdEchoed,
} from '../properties/index.js'
import { dropsSessionId, jsonOnlyAccept, noProtocolVersion } from '../src/clients/faulty/transport-faults.js'
import { dropsHeaders } from '../src/clients/faulty/drops-headers.js'
import { discoveryFirst } from '../src/clients/faulty/discovery-first.js'
import { noHeadersOnStream } from '../src/clients/faulty/no-headers-on-stream.js'
import { noHeadersOnPost } from '../src/clients/faulty/no-headers-on-post.js'
import { FAULTY_CLIENTS } from '../src/clients/registry.js'
import type { ClientUnderTest } from '../src/clients/client-under-test.js'
import type { Property } from '../src/property/property.js'
import { fuzz } from '../src/runner/fuzz.js'

/** Each faulty reference client and the one property it exists to violate. */
const CASES: Array<[ClientUnderTest, Property]> = [
  [dropsHeaders, headersAlwaysSent],
  [discoveryFirst, noDiscoveryWithoutChallenge],
  [noHeadersOnStream, headersAlwaysSent],
  [noHeadersOnPost, headersAlwaysSent],
  [dropsSessionId, sessionIdEchoed],
  [noProtocolVersion, protocolVersionHeader],
  [jsonOnlyAccept, acceptHeaders],
]

describe('every property can fail: its faulty client is caught and shrunk', () => {
  it('every faulty client is covered here', () => {
    expect(CASES.map(([client]) => client.name).sort()).toEqual(FAULTY_CLIENTS.map((client) => client.name).sort())
  })

  for (const [client, property] of CASES) {
    it(`${client.name} violates ${property.id}, shrunk to a small counterexample`, async () => {
      const [result] = await fuzz({ clients: [client], properties: [property], runs: 100, seed: 99, timeoutMs: 5000 })
      expect(result!.verdict).toBe('violated')
      const ce = result!.counterexample!
      expect(ce.violations.length).toBeGreaterThan(0)
      expect(ce.violations.every((v) => v.property === property.id && v.exchange !== undefined)).toBe(true)
      // Shrunk: at most one configured header, no auth requirement left, a handful of exchanges.
      expect(Object.keys(ce.trial.config.headers).length).toBeLessThanOrEqual(1)
      expect(ce.trial.scenario?.auth).toEqual({ kind: 'none' })
      expect(Object.keys(ce.trial.config.headers).length).toBeLessThanOrEqual(property === headersAlwaysSent ? 1 : 0)
      expect(ce.trial.exchanges.length).toBeLessThanOrEqual(8)

      // The printed seed and path replay the same counterexample.
      const [replayed] = await fuzz({
        clients: [client],
        properties: [property],
        runs: 100,
        seed: ce.seed,
        path: ce.path,
        timeoutMs: 5000,
      })
      expect(replayed!.counterexample!.trial.config).toEqual(ce.trial.config)
      expect(replayed!.counterexample!.violations.map((v) => v.message)).toEqual(ce.violations.map((v) => v.message))
    })

    it(`${client.name} is not falsely blamed by the other properties`, async () => {
      const others = PROPERTIES.filter((p) => p.id !== property.id)
      const results = await fuzz({ clients: [client], properties: others, runs: 100, seed: 99, timeoutMs: 5000 })
      for (const result of results) expect(result.counterexample?.violations ?? [], result.property.id).toEqual([])
    })
  }

  it('the stream-only fault is found on both transports', async () => {
    for (const transport of ['streamable-http', 'sse'] as const) {
      const client = { ...noHeadersOnStream, transports: [transport] }
      const [result] = await fuzz({ clients: [client], properties: [headersAlwaysSent], runs: 100, seed: 5, timeoutMs: 5000 })
      expect(result!.verdict, transport).toBe('violated')
      expect(result!.counterexample!.violations[0]!.message).toMatch(/GET .* lacked configured header/)
    }
  })
})
