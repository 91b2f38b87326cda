// How the official conformance suite's client checks line up with this harness's properties: which
// property judges the same client fault, or why a failed check is not a fault of the client that
// the harness's standard session could show. Used by `npm run compare:conformance`.

/** A suite check id (exact) or id prefix (ending in `*`) → the harness properties that catch the same fault. */
export const SAME_FAULT: Readonly<Record<string, readonly string[]>> = {
  'sep-2468-client-validate-metadata-issuer': ['as-metadata-issuer-checked'],
  'sep-2468-client-*': ['iss-checked'],
  'sep-2352-*': ['authorization-server-binding'],
  'sep-837-application-type-present': ['registration-application-type'],
  'prm-priority-order': ['prm-discovery-order'],
  'prm-pathbased-requested': ['prm-discovery-order'],
  'authorization-server-metadata-wrong-path': ['as-metadata-discovery-order'],
  'resource-mismatch-rejected': ['resource-mismatch-rejected'],
  'resource-parameter-*': ['resource-parameter'],
  'pkce-*': ['pkce-s256', 'pkce-support-checked'],
  'scope-from-*': ['scope-selection'],
  'scope-omitted-when-undefined': ['scope-selection'],
  'scope-step-up-*': ['scope-step-up'],
  'sep-2350-scope-union-on-reauth': ['scope-step-up'],
  'scope-retry-limit': ['bounded-auth-retries'],
  'sep-2575-http-client-sends-version-header': ['modern-request-headers', 'protocol-version-header'],
  'sep-2575-client-populates-meta': ['modern-request-headers'],
  'sep-2243-client-includes-standard-headers': ['modern-request-headers'],
  'client-sse-last-event-id': ['last-event-id-resumption'],
  'client-sse-graceful-reconnect': ['last-event-id-resumption'],
  'client-sse-retry-timing': ['sse-retry-honoured'],
  'cimd-client-id-used': ['client-registration'],
  'pre-registration-*': ['client-registration'],
  'bearer-token-*': ['token-in-authorization-header'],
  // The authorization extensions.
  'client-credentials-grant-type': ['client-credentials-grant'],
  // "jwt-verified" also fails when no client credentials request was made at all.
  'client-credentials-jwt-verified': ['client-authentication-as-configured', 'client-credentials-grant'],
  'client-credentials-*': ['client-authentication-as-configured'],
  // These three also fail when the client never got a token to present; in the nonce posture that
  // is the nonce it did not honour.
  'sep-1932-client-token-request-proof': ['dpop-proof-valid', 'dpop-nonce-honoured'],
  'sep-1932-client-fresh-proof': ['dpop-proof-valid', 'dpop-nonce-honoured'],
  'sep-1932-client-dpop-auth-scheme': ['dpop-auth-scheme', 'dpop-nonce-honoured'],
  'sep-1932-client-as-nonce': ['dpop-nonce-honoured'],
  'sep-1932-client-rs-nonce': ['dpop-nonce-honoured'],
  'complete-flow-*': ['id-jag-exchange', 'client-authentication-as-configured'],
  'wif-no-retry': ['no-retry-after-grant-refused'],
  'wif-grant-fallback': ['no-retry-after-grant-refused'],
  'wif-*': ['workload-assertion-grant'],
}

/** The properties a suite check corresponds to (empty when none does). */
export function propertiesFor(checkId: string): readonly string[] {
  for (const [key, properties] of Object.entries(SAME_FAULT)) {
    if (key.endsWith('*') ? checkId.startsWith(key.slice(0, -1)) : checkId === key) return properties
  }
  return []
}

/** What each authorization-extension scenario of the suite asks its client to be told: a grant, or DPoP. */
export const EXTENSION_NEEDS: Readonly<Record<string, string>> = {
  'auth/client-credentials-basic': 'client-credentials-basic',
  'auth/client-credentials-jwt': 'client-credentials-jwt',
  'auth/enterprise-managed-authorization': 'enterprise-managed',
  'auth/wif-jwt-bearer': 'workload-identity',
  'auth/dpop': 'dpop',
  'auth/dpop-nonce': 'dpop',
}

/** Why a failed suite check is not a client fault the harness should have found, when it is not. */
export const NOT_A_FAULT = {
  session:
    'the scenario asks for a session the standard session does not run (a tool called with given arguments, elicitation, request state, a schema echoed back)',
  version: 'the scenario’s server speaks only 2026-07-28, which this client does not negotiate: it cannot connect',
  'no OAuth': 'an authorization scenario, and the client has no OAuth support',
  'no extension': 'an authorization extension the client cannot be told of (no SDK support to configure it with)',
} as const
export type NotAFault = keyof typeof NOT_A_FAULT

/** Suite checks about what the session does, not about how the client speaks HTTP or OAuth. */
const SESSION_CHECKS = [
  'tool-add-numbers',
  'client-elicitation-*',
  'sep-2322-*',
  'json-schema-*',
  'sep-2243-client-supports-custom-headers',
  'sep-2243-client-mirrors-designated-params',
  'sep-2243-client-encode-values',
  'sep-2243-client-base64-unsafe',
  'sep-2243-client-omit-null',
]

/**
 * Why a failed check is not the client's fault in the sense the harness judges, or undefined (then
 * it is a miss unless a property caught it). `modernOnly`: the scenario runs only at 2026-07-28.
 */
export function notAFault(
  scenario: string,
  checkId: string,
  client: { oauth: boolean; negotiatesModern: boolean },
  modernOnly: boolean,
  told = true,
): NotAFault | undefined {
  if (SESSION_CHECKS.some((key) => (key.endsWith('*') ? checkId.startsWith(key.slice(0, -1)) : checkId === key))) return 'session'
  if (scenario.startsWith('auth/') && !client.oauth) return 'no OAuth'
  if (!told) return 'no extension'
  if (modernOnly && !client.negotiatesModern) return 'version'
  return undefined
}
