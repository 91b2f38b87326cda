import { describe, expect, it } from 'vitest'
import {
  acceptHeaders,
  headersAlwaysSent,
  noDiscoveryWithoutChallenge,
  PROPERTIES,
  protocolVersionHeader,
  sessionIdEchoed,
} from '../properties/index.js'
import { dropsSessionId, jsonOnlyAccept, noMcpMethod, noProtocolVersion } from '../src/clients/faulty/transport-faults.js'
import * as oauth from '../src/clients/faulty/oauth-faults.js'
import * as props from '../properties/index.js'
import { loadExpectedFailures } from '../src/runner/expected-failures.js'
import { dropsHeaders } from '../src/clients/faulty/drops-headers.js'
import { discoveryFirst } from '../src/clients/faulty/discovery-first.js'
import { noHeadersOnStream } from '../src/clients/faulty/no-headers-on-stream.js'
import { noHeadersOnPost } from '../src/clients/faulty/no-headers-on-post.js'
import { FAULTY_CLIENTS } from '../src/clients/registry.js'
import type { ClientUnderTest } from '../src/clients/client-under-test.js'
import type { Property } from '../src/property/property.js'
import { fuzz } from '../src/runner/fuzz.js'

/** Each faulty reference client and the one property it exists to violate. */
const CASES: Array<[ClientUnderTest, Property, ...string[]]> = [
  [dropsHeaders, headersAlwaysSent],
  [discoveryFirst, noDiscoveryWithoutChallenge],
  [noHeadersOnStream, headersAlwaysSent],
  [noHeadersOnPost, headersAlwaysSent],
  [dropsSessionId, sessionIdEchoed],
  [noProtocolVersion, protocolVersionHeader],
  [noMcpMethod, props.modernRequestHeaders],
  [jsonOnlyAccept, acceptHeaders],
  [oauth.pkcePlain, props.pkceS256],
  [oauth.noResourceParameter, props.resourceParameter],
  [oauth.ownScope, props.scopeSelection],
  // Using the foreign resource it accepted, it also sends that resource as the resource parameter.
  [oauth.acceptsAnyResource, props.resourceMismatchRejected, 'resource-parameter'],
  [oauth.tokenInQuery, props.tokenInAuthorizationHeader],
  [oauth.headersToEveryOrigin, props.noHeaderLeak],
  [oauth.ignoresResourceMetadata, props.resourceMetadataHonored],
  // Rewriting the path-inserted PRM URL also rewrites a resource_metadata hint that names it.
  [oauth.prmRootOnly, props.prmDiscoveryOrder, 'resource-metadata-honored'],
  [oauth.asMetadataRootOnly, props.asMetadataDiscoveryOrder],
  [oauth.endlessReauthorization, props.boundedAuthRetries],
  [oauth.ignoresPkceSupport, props.pkceSupportChecked],
  [oauth.ignoresPreRegistration, props.clientRegistration],
  [oauth.guessesRegistration, props.clientRegistration],
  [oauth.httpClientMetadataUrl, props.clientRegistration],
  [oauth.noStepUp, props.scopeStepUp],
]

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
    expect(CASES.map(([client]) => client.name).sort()).toEqual(FAULTY_CLIENTS.map((client) => client.name).sort())
    expect([...new Set(CASES.map(([, property]) => property.id))].sort()).toEqual(PROPERTIES.map((p) => p.id).sort())
  })

  for (const [client, property, ...consequences] of CASES) {
    it(`${client.name} violates ${property.id}, shrunk to a small counterexample`, async () => {
      const [result] = await fuzz({ clients: [client], properties: [property], runs: 100, seed: 99, timeoutMs: 5000 })
      expect(result!.verdict).toBe('violated')
      const ce = result!.counterexample!
      expect(ce.violations.length).toBeGreaterThan(0)
      expect(ce.violations.every((v) => v.property === property.id && v.exchange !== undefined)).toBe(true)
      // Shrunk: at most one configured header, the simplest server that still shows it, a handful of exchanges.
      const needsOAuth = OAUTH_PROPERTIES.has(property.id)
      expect(Object.keys(ce.trial.config.headers).length).toBeLessThanOrEqual(
        property === headersAlwaysSent || needsOAuth ? 1 : 0,
      )
      if (needsOAuth) expect(ce.trial.scenario?.auth.kind).not.toBe('none')
      else expect(ce.trial.scenario?.auth).toEqual({ kind: 'none' })
      expect(ce.trial.exchanges.length).toBeLessThanOrEqual(property === props.boundedAuthRetries ? 150 : needsOAuth ? 80 : 8)

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
      const others = PROPERTIES.filter((p) => p.id !== property.id && !SDK_KNOWN.includes(p.id) && !consequences.includes(p.id))
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
