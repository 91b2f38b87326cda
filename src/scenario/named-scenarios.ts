import type { Transport } from '../core/client-config.js'
import type { ScenarioPlan } from '../core/trial-input.js'
import { PROTOCOL_VERSIONS, SIMPLEST_BEHAVIOUR, type AuthRequirement, type Scenario } from '../core/scenario.js'

/**
 * A ready-made server behaviour: `auth` for `serve --scenario NAME`, and `fuzzPlan`, the same
 * server relative to any config, which every fuzz run tries first (the coverage phase's examples).
 */
export interface NamedScenario {
  name: string
  description: string
  auth: AuthRequirement
  fuzzPlan: Pick<ScenarioPlan, 'auth' | 'notFound'>
}

const KEY = { header: 'X-API-Key', value: 'test-key-12345' }

export const NAMED_SCENARIOS: readonly NamedScenario[] = [
  {
    name: 'open',
    description: 'no authentication at all',
    auth: { kind: 'none' },
    fuzzPlan: { auth: { kind: 'none' }, notFound: '404-json' },
  },
  {
    name: 'static-key-404-discovery',
    description:
      'the seed report (claude-code#7290): X-API-Key: test-key-12345 required, 401 without WWW-Authenticate, 404 {"detail":"Not Found"} on every well-known path and /register',
    auth: { kind: 'static-header', ...KEY, challenge: 'no-www-authenticate' },
    fuzzPlan: {
      auth: { kind: 'static-header', credential: 'configured', pick: 0, challenge: 'no-www-authenticate' },
      notFound: '404-json',
    },
  },
  {
    name: 'static-key-bearer-challenge',
    description: 'X-API-Key: test-key-12345 required, 401 with WWW-Authenticate: Bearer resource_metadata=…, 404 on the metadata',
    auth: { kind: 'static-header', ...KEY, challenge: 'bearer-resource-metadata' },
    fuzzPlan: {
      auth: { kind: 'static-header', credential: 'configured', pick: 0, challenge: 'bearer-resource-metadata' },
      notFound: '404-json',
    },
  },
  {
    name: 'static-key-403',
    description: 'X-API-Key: test-key-12345 required, 403 without insufficient_scope when it is missing',
    auth: { kind: 'static-header', ...KEY, challenge: 'forbidden' },
    fuzzPlan: {
      auth: { kind: 'static-header', credential: 'configured', pick: 0, challenge: 'forbidden' },
      notFound: '404-json',
    },
  },
  {
    name: 'bearer-token',
    description: 'Authorization: Bearer test-token-12345 required, 401 with a bare WWW-Authenticate: Bearer',
    auth: { kind: 'static-header', header: 'Authorization', value: 'Bearer test-token-12345', challenge: 'bearer-bare' },
    fuzzPlan: {
      auth: { kind: 'static-header', credential: 'configured', pick: 0, challenge: 'bearer-bare' },
      notFound: '404-json',
    },
  },
]

/**
 * Scenarios only `serve` offers: full OAuth needs an authorization server on an origin of its own,
 * which a fuzz run already covers with the OAuth dimensions (`auth=oauth`), so they are not fuzz examples.
 */
export const SERVE_ONLY_SCENARIOS = [
  {
    name: 'oauth-cross-origin',
    description:
      'full OAuth: 401 with resource_metadata, Protected Resource Metadata, an authorization server on another port (RFC 8414 metadata, dynamic registration, PKCE S256, an /authorize that redirects at once, token), the token required on every request',
  },
] as const

/** Every name `serve --scenario` takes. */
export const SERVE_SCENARIO_NAMES: readonly string[] = [...NAMED_SCENARIOS, ...SERVE_ONLY_SCENARIOS].map((s) => s.name)

/** Looks a named scenario up; throws a message listing the names. */
export function namedScenario(name: string): NamedScenario {
  const found = NAMED_SCENARIOS.find((candidate) => candidate.name === name)
  if (!found) throw new Error(`unknown scenario "${name}"; known scenarios: ${SERVE_SCENARIO_NAMES.join(', ')}`)
  return found
}

/** The full Scenario for a named one at an origin, endpoint path and transport: every other dimension at its most common. */
export function buildNamedScenario(named: NamedScenario, origin: string, endpointPath: string, transport: Transport): Scenario {
  return { origin, endpointPath, transport, ...SIMPLEST_BEHAVIOUR, protocolVersions: [...PROTOCOL_VERSIONS], auth: named.auth }
}
