import type { OAuthServer, Scenario } from '../core/scenario.js'
import type { ServerState } from './server-state.js'
import { hintedPrmUrl } from './oauth-handlers.js'
import { prmWellKnownUrls } from '../spec/well-known.js'
import { challengeScheme, resourceProofRefusal } from './dpop-server.js'

/** Path-inserted Protected Resource Metadata URL for the endpoint (RFC 9728 §3.1). */
export function resourceMetadataUrl(scenario: Scenario): string {
  return prmWellKnownUrls(`${scenario.origin}${scenario.endpointPath}`)[0]!
}

const DENIED_BODY = JSON.stringify({ detail: 'Missing or invalid credentials' })

function unauthorized(wwwAuthenticate: string | undefined): Response {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (wwwAuthenticate !== undefined) headers['www-authenticate'] = wwwAuthenticate
  return new Response(DENIED_BODY, { status: 401, headers })
}

/** The access token a request presents and its scheme: `Bearer` (RFC 6750 §2.1) or `DPoP` (RFC 9449 §7.1). */
function presentedToken(request: Request): { scheme: string; token: string } | undefined {
  const match = /^(Bearer|DPoP) (.+)$/i.exec(request.headers.get('authorization') ?? '')
  return match ? { scheme: match[1]!.toLowerCase(), token: match[2]! } : undefined
}

/**
 * The 403 `insufficient_scope` a step-up scenario answers to `tools/call` when the token lacks
 * `stepUpScope`, naming every scope the call needs (or, `stepUpChallenge: missing-only`, only the
 * one the token lacks); undefined when the call may pass. Call it after
 * `challengeFor` let the request through.
 */
export function scopeChallengeFor(
  scenario: Scenario,
  state: ServerState,
  request: Request,
  messages: readonly unknown[],
): Response | undefined {
  if (scenario.auth.kind !== 'oauth') return undefined
  // A request the guard lets through without a token has no scope to step up.
  if (!guarded(scenario, { kind: 'post', methods: methodsOf(messages) })) return undefined
  const { oauth } = scenario.auth
  const needed = oauth.stepUpScope
  if (!needed || !messages.some((m) => (m as { method?: unknown } | null)?.method === 'tools/call')) return undefined
  const granted = (state.oauth.tokens.get(presentedToken(request)?.token ?? '') ?? '').split(' ').filter(Boolean)
  if (granted.includes(needed)) return undefined
  const scope = oauth.stepUpChallenge === 'missing-only' ? needed : [...new Set([...granted, needed])].join(' ')
  return new Response(JSON.stringify({ error: 'insufficient_scope' }), {
    status: 403,
    headers: {
      'content-type': 'application/json',
      'www-authenticate': `${challengeScheme(oauth)} error="insufficient_scope", scope="${scope}", resource_metadata="${hintedPrmUrl(scenario, oauth)}"`,
    },
  })
}

/** Requests the first access token may make before a `tokenRevoked` server revokes it. */
export const REVOKED_AFTER_REQUESTS = 3

/** What kind of request the gate is asked about: the GET stream, a DELETE, or a POST with these JSON-RPC methods. */
export type RequestKind = { kind: 'get-stream' } | { kind: 'delete' } | { kind: 'post'; methods: readonly string[] }

/** Whether the scenario's guard puts this kind of request behind its authentication. */
function guarded(scenario: Scenario, request: RequestKind): boolean {
  switch (scenario.guard ?? 'every-request') {
    case 'every-request':
      return true
    case 'not-get-stream':
      return request.kind !== 'get-stream'
    case 'get-stream-only':
      return request.kind === 'get-stream'
    case 'tools-call-only':
      return request.kind === 'post' && request.methods.includes('tools/call')
  }
}

/**
 * Whether an issued token is still good: a revoking server stops accepting the first one after a
 * few requests, a short-lived one every one; a migrating one the first, and from then on its PRM
 * names the new authorization server.
 */
function tokenStillValid(oauth: OAuthServer, state: ServerState, token: string): boolean {
  if (!state.oauth.tokens.has(token)) return false
  // Once the resource has moved, only the new authorization server's tokens are good.
  if (state.oauth.migrated && oauth.migratesTo) return state.oauth.tokenIssuers.get(token) === oauth.migratesTo
  const shortLived = oauth.tokenLifetime === 'short'
  if (!shortLived && (!(oauth.tokenRevoked || oauth.migratesTo) || token !== state.oauth.firstAccessToken)) return true
  const uses = (state.oauth.uses.get(token) ?? 0) + 1
  state.oauth.uses.set(token, uses)
  if (uses <= REVOKED_AFTER_REQUESTS) return true
  if (oauth.migratesTo) state.oauth.migrated = true
  return false
}

/** The JSON-RPC methods of a parsed POST body, for the guard. */
export function methodsOf(messages: readonly unknown[]): string[] {
  return messages.flatMap((m) => {
    const method = (m as { method?: unknown } | null)?.method
    return typeof method === 'string' ? [method] : []
  })
}

/** The scope a refusing route's 403 names; the gateway refuses whatever the token holds, so no step-up satisfies it. */
export const ROUTE_SCOPE = 'mcp:admin'

/**
 * The refusal of a good token on the one kind of request the scenario's gateway refuses it on
 * (`tokenRefusal`), or undefined for every other kind: 401 `invalid_token` naming the same
 * `resource_metadata`, or 403 `insufficient_scope` naming ROUTE_SCOPE.
 */
function refusedKind(oauth: OAuthServer, kind: RequestKind, scenario: Scenario): Response | undefined {
  const [on, form] = (oauth.tokenRefusal ?? 'none').split(':')
  const matches =
    (on === 'get-stream' && kind.kind === 'get-stream') ||
    (on === 'delete' && kind.kind === 'delete') ||
    (on === 'tools-call' && kind.kind === 'post' && kind.methods.includes('tools/call'))
  if (!matches) return undefined
  const metadata = `resource_metadata="${hintedPrmUrl(scenario, oauth)}"`
  const scheme = challengeScheme(oauth)
  if (form === 'invalid-token') return unauthorized(`${scheme} error="invalid_token", ${metadata}`)
  return new Response(JSON.stringify({ error: 'insufficient_scope' }), {
    status: 403,
    headers: {
      'content-type': 'application/json',
      'www-authenticate': `${scheme} error="insufficient_scope", scope="${ROUTE_SCOPE}", ${metadata}`,
    },
  })
}

/**
 * The challenge the server answers when the request lacks the required credential, or undefined
 * when the request may pass: unguarded kinds of request always pass; OAuth scenarios accept the
 * tokens their authorization server issued (until a revoking server revokes the first one).
 */
export function challengeFor(scenario: Scenario, state: ServerState, request: Request, kind: RequestKind): Response | undefined {
  const { auth } = scenario
  if (auth.kind === 'none' || !guarded(scenario, kind)) return undefined
  if (auth.kind === 'oauth') {
    const { oauth } = auth
    const presented = presentedToken(request)
    const token = presented?.token
    const scheme = challengeScheme(oauth)
    const scope = oauth.challengeScope ? `, scope="${oauth.challengeScope}"` : ''
    const metadata = `resource_metadata="${hintedPrmUrl(scenario, oauth)}"`
    if (presented && oauth.tokenAccepted && tokenStillValid(oauth, state, presented.token))
      return resourceProofRefusal(oauth, state.oauth, request, presented, metadata) ?? refusedKind(oauth, kind, scenario)
    // RFC 6750 §3.1: a token the server knew but no longer accepts is invalid_token.
    if (token && state.oauth.tokens.has(token) && oauth.tokenAccepted)
      return unauthorized(`${scheme} error="invalid_token", ${metadata}${scope}`)
    if (oauth.challenge === 'none') return unauthorized(undefined)
    if (oauth.challenge === 'bare') return unauthorized(`${scheme}${scope ? ` ${scope.slice(2)}` : ''}`)
    return unauthorized(`${scheme} ${metadata}${scope}`)
  }
  if (request.headers.get(auth.header) === auth.value) return undefined
  switch (auth.challenge) {
    case 'bearer-resource-metadata':
      return unauthorized(`Bearer resource_metadata="${resourceMetadataUrl(scenario)}"`)
    case 'bearer-bare':
      return unauthorized('Bearer')
    case 'non-bearer':
      return unauthorized('ApiKey realm="mcp"')
    case 'no-www-authenticate':
      return unauthorized(undefined)
    case 'forbidden':
      return new Response(DENIED_BODY, { status: 403, headers: { 'content-type': 'application/json' } })
  }
}
