import { expect, it } from 'vitest'
import { headersAlwaysSent, PROPERTIES } from '../../properties/index.js'
import type { Property } from '../../src/property/property.js'
import type { Witness } from '../../src/property/witness.js'
import { loadExpectedFailures } from '../../src/runner/expected-failures.js'
import { fuzz } from '../../src/runner/fuzz.js'
import { judgeInput } from '../../src/runner/judge-input.js'
import { SDK2_BASED, SDK2_NEGOTIATING } from '../../src/clients/faulty/sdk2-kit.js'

/** What the SDK under a faulty client already violates (expected-failures.json): not the faulty client's blame. */
const EXPECTED = await loadExpectedFailures('expected-failures.json')
const SDK_KNOWN = EXPECTED.filter((e) => e.client === 'sdk-streamable' || e.client === 'sdk-sse').map((e) => e.property)
/** The same for the faulty clients of the authorization extensions, built on the v2 SDK's Streamable HTTP client. */
const SDK2_KNOWN = EXPECTED.filter((e) => e.client === 'sdk2-streamable').map((e) => e.property)
/** And for the faulty clients that negotiate the era, built on `sdk2-streamable-modern`. */
const SDK2_NEGOTIATING_KNOWN = EXPECTED.filter((e) => e.client === 'sdk2-streamable-modern').map((e) => e.property)

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
  'pkce-verifier-matches',
  'redirect-uri-registered',
  'client-registration',
  'scope-step-up',
  'step-up-keeps-scopes',
  'iss-checked',
  'as-metadata-issuer-checked',
  'registration-application-type',
  'authorization-server-binding',
  'refresh-token-rotation',
  'registration-covers-requested-scope',
  'registration-grants-refresh',
  'metadata-before-default-endpoints',
  'discovery-protocol-version',
  'state-verified',
  'client-id-metadata-preferred',
  'client-credentials-grant',
  'client-authentication-as-configured',
  'workload-assertion-grant',
  'no-retry-after-grant-refused',
  'id-jag-exchange',
  'dpop-proof-valid',
  'dpop-auth-scheme',
  'dpop-nonce-honoured',
])

/** Properties only a second session shows (the era a first one found): two standard sessions. */
const TWO_SESSIONS = new Set(['era-remembered'])

/** Properties about reopening a dropped GET stream. */
const RESUMPTION_PROPERTIES = new Set(['last-event-id-resumption', 'sse-retry-honoured'])

/**
 * The test every property folder runs over its witnesses: each faulty client is caught by the
 * coverage phase (so on any seed), shrunk, reproduced from its saved input, and not blamed by any
 * other property beyond the consequences it declares.
 *
 * @example
 * // properties/my-rule/property.test.ts
 * describeWitnesses(myRule, witnesses)
 */
export function describeWitnesses(property: Property, witnesses: readonly Witness[]): void {
  it(`${property.id} has a faulty reference client`, () => expect(witnesses.length).toBeGreaterThan(0))
  for (const { client, consequences } of witnesses) {
    it(`${client.name} violates ${property.id}: found by the coverage phase (so on any seed), shrunk, reproduced`, async () => {
      const [result] = await fuzz({ clients: [client], properties: [property], runs: 10, seed: 99, timeoutMs: 5000 })
      expect(result!.verdict).toBe('violated')
      const ce = result!.counterexample!
      expect(ce.phase).toBe('coverage')
      // The most telling inputs come first: a slow real client meets this fault within its first 20
      // trials. The input's place in the order, not the trials run: beside a session held open for
      // seconds, the other trials going on meanwhile are many.
      expect(Number(ce.path), 'a new fault the measured order does not know: npm run bench -- --only telling').toBeLessThan(20)
      expect(ce.violations.length).toBeGreaterThan(0)
      expect(ce.violations.every((v) => v.property === property.id && v.exchange !== undefined)).toBe(true)
      // Shrunk: at most one configured header, the simplest server that still shows it, a handful of
      // exchanges (the standard session is 8 requests: initialize, initialized, GET, list, 3 calls, DELETE).
      const needsOAuth = OAUTH_PROPERTIES.has(property.id)
      expect(Object.keys(ce.trial.config.headers).length).toBeLessThanOrEqual(
        property.id === headersAlwaysSent.id || needsOAuth ? 1 : 0,
      )
      if (needsOAuth) expect(ce.trial.scenario?.auth.kind).not.toBe('none')
      else expect(ce.trial.scenario?.auth).toEqual({ kind: 'none' })
      // A client that reopens a dropped stream the wrong way keeps reopening it: a few more GETs.
      const reopens = RESUMPTION_PROPERTIES.has(property.id)
      expect(ce.trial.exchanges.length).toBeLessThanOrEqual(
        property.id === 'bounded-auth-retries' ? 150 : needsOAuth ? 80 : reopens || TWO_SESSIONS.has(property.id) ? 24 : 12,
      )

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
      // Concurrent requests (a stream beside a POST) may arrive in either order, so a message's request
      // numbers can shift by one between two runs, and a session held open for seconds counts what
      // it did in that time (30 refusals, or 28 on a busy machine); what was violated may not change.
      const shape = (m: string) => m.replace(/\d+/g, 'N')
      expect(replayed!.counterexample!.violations.map((v) => shape(v.message))).toEqual(
        ce.violations.map((v) => shape(v.message)),
      )
      // And the concrete input it carries fails again on its own, no seed involved.
      const again = await judgeInput(client, property, ce.input, { timeoutMs: 5000 })
      expect(again.verdict).toBe('violated')
    })

    it(`${client.name} is not falsely blamed by the other properties`, async () => {
      const known = SDK2_NEGOTIATING.has(client) ? SDK2_NEGOTIATING_KNOWN : SDK2_BASED.has(client) ? SDK2_KNOWN : SDK_KNOWN
      const others = PROPERTIES.filter((p) => p.id !== property.id && !known.includes(p.id) && !consequences.includes(p.id))
      // The coverage phase puts the client through every dimension value; a few random trials add mixes.
      const results = await fuzz({ clients: [client], properties: others, runs: 20, seed: 99, timeoutMs: 5000 })
      for (const result of results) expect(result.counterexample?.violations ?? [], result.property.id).toEqual([])
    })
  }
}
