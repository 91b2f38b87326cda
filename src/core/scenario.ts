import type { ConfiguredGrant, Transport } from './client-config.js'
import { scenarioOptionsOf, type ScenarioOptions } from './server-options.js'

/** MCP protocol versions the mock server can negotiate, oldest first. */
export const PROTOCOL_VERSIONS = ['2024-11-05', '2025-03-26', '2025-06-18', '2025-11-25', '2026-07-28'] as const
export type ProtocolVersion = (typeof PROTOCOL_VERSIONS)[number]

/** The first version of the modern era: POST-only, no `initialize`, no sessions, `server/discover`. */
export const FIRST_MODERN_VERSION = '2026-07-28'

/** Whether a version belongs to the modern (2026-07-28 and later) era; ISO dates compare as strings. */
export function isModernVersion(version: string): boolean {
  return version >= FIRST_MODERN_VERSION
}

/** How the server answers a request that lacks the required credential. */
export type Challenge =
  | 'bearer-resource-metadata' // 401, WWW-Authenticate: Bearer resource_metadata="…"
  | 'bearer-bare' // 401, WWW-Authenticate: Bearer
  | 'no-www-authenticate' // 401 without WWW-Authenticate
  | 'non-bearer' // 401, WWW-Authenticate: ApiKey realm="mcp"
  | 'forbidden' // 403 without insufficient_scope

export const CHALLENGES: readonly Challenge[] = [
  'bearer-resource-metadata',
  'bearer-bare',
  'no-www-authenticate',
  'non-bearer',
  'forbidden',
]

/**
 * An OAuth-protected MCP server and its authorization server: where the metadata lives, what the
 * AS supports, how the resource server behaves once a token exists.
 */
export interface OAuthServer {
  /** The 401's WWW-Authenticate: `Bearer resource_metadata="…"`, bare `Bearer`, or none at all. */
  challenge: 'resource-metadata' | 'bare' | 'none'
  /** Where the Protected Resource Metadata is served: only at the hinted custom URL, path-inserted, root, or nowhere. */
  prm: 'hinted-custom' | 'path-inserted' | 'root' | 'nowhere'
  /** The PRM `resource`: the MCP server's URL, or another origin's (the client must then refuse). */
  prmResource: 'exact' | 'mismatch'
  /** Origin of the authorization server: the MCP server's, or another. */
  asOrigin: string
  /** Path of the issuer identifier (`/tenant1`) or ''. */
  issuerPath: string
  /** Which metadata document the AS serves, at its RFC 8414 / OIDC location for the issuer. */
  asMetadata: 'oauth' | 'oidc'
  /** `code_challenge_methods_supported`: ["S256"], ["plain"] only, or absent (the client must then refuse). */
  pkce: 'S256' | 'plain-only' | 'absent'
  /**
   * How clients get a `client_id`: dynamic registration at `registration_endpoint`, a Client ID
   * Metadata Document URL (`client_id_metadata_document_supported`, no registration endpoint), both
   * advertised (`dcr+cimd`: the 2026-07-28 default, where a client with a document URL should use it), or
   * only the client pre-registered as `preRegisteredClientId` (neither is advertised).
   */
  registration: 'dcr' | 'cimd' | 'dcr+cimd' | 'pre-registered'
  /** The client the AS knows in advance (the config's `oauthClientId`, or one the config lacks). */
  preRegisteredClientId?: string
  /** The one `token_endpoint_auth_methods_supported`; registered clients get a secret unless `none`. */
  tokenAuth: 'none' | 'client_secret_basic' | 'client_secret_post'
  /** A scope `tools/call` needs beyond the token's: the server answers 403 `insufficient_scope` (step-up). */
  stepUpScope?: string
  /** The scope the 401 names, if any (`scope="…"`); the PRM lists `mcp:read mcp:write`. */
  challengeScope?: string
  /** False: the MCP server answers 401 even to the token it issued (a broken resource server). */
  tokenAccepted: boolean
  /**
   * The first access token is revoked mid-session: after 3 requests it is answered 401
   * `error="invalid_token"` (RFC 6750 §3.1), as when a token expires early. Default false.
   */
  tokenRevoked?: boolean
  /** Whether the token endpoint honours a refresh token or refuses it (`invalid_grant`). Default accepted. */
  refresh?: 'accepted' | 'refused'
  /**
   * `short`: every access token is refused (401 `invalid_token`) after a few requests, so a session
   * refreshes more than once, and each refresh token works once (rotation, OAuth 2.1 §4.3.1): a
   * replaced one is answered `invalid_grant`. Default `long`.
   */
  tokenLifetime?: 'long' | 'short'
  /**
   * RFC 9207 `iss` in the authorization response (MCP 2026-07-28 › Authorization Response
   * Validation): not advertised nor sent (default), advertised and sent right, or one of the
   * answers a client must refuse before it redeems the code: advertised but left out, another
   * issuer, another issuer while not advertised, the issuer with a trailing slash.
   */
  iss?: IssBehaviour
  /** The AS metadata's `issuer`: the one its well-known URL was built from (default), or another (the client must not use it). */
  metadataIssuer?: 'exact' | 'mismatch'
  /**
   * The `state` the authorization response carries: the request's (default), or another, as a
   * callback an attacker injected carries (the client must not redeem its code).
   */
  callbackState?: 'echoed' | 'altered'
  /**
   * The resource moves to another authorization server mid-session: once the first token was
   * refused (it is revoked as with `tokenRevoked`), the PRM names the AS at this origin, which
   * knows none of the first one's clients (MCP 2026-07-28 › Authorization Server Binding).
   */
  migratesTo?: string
  /**
   * One kind of request the resource server refuses even with a good token, as a gateway with
   * per-route audience or scope does: the GET stream, DELETE, or `tools/call`, answered 401
   * `invalid_token` (with the same `resource_metadata`) or 403 `insufficient_scope`. Default none.
   */
  tokenRefusal?: TokenRefusal
  /**
   * `registered`: a strict authorization server that grants a dynamically registered client only
   * the scopes it registered (RFC 7591 §2 `scope`) and answers `invalid_scope` to anything else.
   * Default `any`: every scope asked for is granted.
   */
  scopePolicy?: 'any' | 'registered'
  /**
   * What the step-up 403 (`stepUpScope`) names in its `scope`: every scope the call needs, the ones
   * the token had included (default), or only the one it lacks. Servers differ; from 2026-07-28 the
   * client re-authorizes for what it asked before as well (SEP-2350), so only the second shows a
   * client that overwrites its scope with the challenge's.
   */
  stepUpChallenge?: 'every-needed' | 'missing-only'
  /**
   * The grant without a user the config names (client credentials, enterprise-managed, workload
   * identity): the AS knows that machine client in advance, and its token endpoint takes the grant.
   */
  machineGrant?: ConfiguredGrant
  /** The enterprise identity provider's origin (`enterprise-managed`): it exchanges ID tokens for ID-JAGs (RFC 8693). */
  identityProvider?: string
  /** How the AS answers a grant without a user: it grants it (default) or refuses it (RFC 6749 §5.2). */
  grantRefusal?: GrantRefusal
  /**
   * DPoP (RFC 9449): `off` (default); `bound`: tokens bound to the client's proof key, presented
   * with the `DPoP` scheme and a proof on every request; `bound+nonce`: the AS and the resource
   * server also want a nonce of theirs in the proof (`use_dpop_nonce`, §8, §9).
   */
  dpop?: DpopMode
}

/** How the AS answers a grant without a user (see `OAuthServer.grantRefusal`). */
export const GRANT_REFUSALS = ['none', 'invalid_grant', 'invalid_scope', 'unauthorized_client'] as const
export type GrantRefusal = (typeof GRANT_REFUSALS)[number]

/** DPoP on the server (see `OAuthServer.dpop`). */
export const DPOP_MODES = ['off', 'bound', 'bound+nonce'] as const
export type DpopMode = (typeof DPOP_MODES)[number]

/** Which request kind a resource server refuses a good token on, and how (see `OAuthServer.tokenRefusal`). */
export const TOKEN_REFUSALS = [
  'none',
  'get-stream:invalid-token',
  'get-stream:insufficient-scope',
  'delete:invalid-token',
  'delete:insufficient-scope',
  'tools-call:invalid-token',
  'tools-call:insufficient-scope',
] as const
export type TokenRefusal = (typeof TOKEN_REFUSALS)[number]

/** How the authorization server uses RFC 9207's `iss` (see `OAuthServer.iss`). */
export type IssBehaviour = 'none' | 'correct' | 'missing' | 'wrong' | 'unadvertised-wrong' | 'trailing-slash'

/**
 * Which requests the server's authentication guards: every request (default), all but the GET
 * stream, only the GET stream, or only `tools/call` (a per-method decision). The others pass
 * without a credential.
 */
export type Guard = 'every-request' | 'not-get-stream' | 'get-stream-only' | 'tools-call-only'

/** How the server answers everything that is not its MCP endpoint (see `SERVER_OPTIONS.notFound`). */
export type NotFoundStyle = ScenarioOptions['notFound']

/** What the server sends on the standalone GET stream (see `SERVER_OPTIONS.getStreamEvents`). */
export type GetStreamEvents = NonNullable<ScenarioOptions['getStreamEvents']>

/**
 * The `retry` (ms) a dropping GET stream asks for: 100 is long enough to tell a client that waits
 * from one that comes back after its own 50 ms, and short enough not to slow a run.
 */
export function streamRetryMs(events: GetStreamEvents | undefined): number | undefined {
  if (events === 'notification-then-drop') return 0
  if (events === 'notification-then-drop-retry-100') return 100
  return undefined
}

/** What the server wants before it answers MCP requests. */
export type AuthRequirement =
  | { kind: 'none' }
  | { kind: 'static-header'; header: string; value: string; challenge: Challenge }
  | { kind: 'oauth'; oauth: OAuthServer }

/**
 * Declarative behaviour of the mock MCP server for one trial. Plain data: printed in
 * counterexamples, turned into msw handlers by `createScenarioServer`. Its behaviours beyond
 * where it lives and what it requires are the options of `SERVER_OPTIONS`.
 *
 * @example
 * const seed7290: Scenario = {
 *   origin: 'http://mcp.test', endpointPath: '/mcp', transport: 'streamable-http',
 *   protocolVersions: ['2025-06-18'], responseMode: 'json', getStream: 'sse', sessions: true,
 *   deleteAllowed: true, legacyEndpoint: 'relative', tools: true,
 *   auth: { kind: 'static-header', header: 'X-API-Key', value: 'test-key-12345', challenge: 'no-www-authenticate' },
 *   notFound: '404-json',
 * }
 */
export interface Scenario extends ScenarioOptions {
  /** Origin of the MCP server (the configured URL's origin). */
  origin: string
  /** Path of the MCP endpoint, which may differ from the configured URL's path (the seed's root-vs-/mcp mismatch). */
  endpointPath: string
  /** The one transport the server speaks at `endpointPath`. */
  transport: Transport
  /**
   * Versions it accepts. `initialize` gets the client's version when listed, else the newest
   * pre-2026 one; a listed 2026-07-28 also answers `server/discover` and modern requests.
   */
  protocolVersions: ProtocolVersion[]
  auth: AuthRequirement
  /** Which requests `auth` guards; default every request. */
  guard?: Guard
  /** The MCP server moved to this origin: the configured one answers 307 to it (a cross-origin redirect). */
  movedTo?: string
}

/**
 * The simplest working server behaviour apart from where it lives and what it requires: every
 * version and every option at its base (JSON answers, a GET stream, sessions, DELETE allowed, a
 * tool, JSON 404s). Named scenarios use it as is; it is also every dimension's base in the coverage phase.
 */
export const SIMPLEST_BEHAVIOUR = {
  protocolVersions: [...PROTOCOL_VERSIONS] as ProtocolVersion[],
  ...scenarioOptionsOf({}),
}
