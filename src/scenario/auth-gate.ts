import type { Scenario } from './scenario.js'
import type { ServerState } from './server-state.js'
import { hintedPrmUrl } from './oauth-handlers.js'

/** Path-inserted Protected Resource Metadata URL for the endpoint (RFC 9728 §3.1). */
export function resourceMetadataUrl(scenario: Scenario): string {
  const path = scenario.endpointPath === '/' ? '' : scenario.endpointPath.replace(/\/$/, '')
  return `${scenario.origin}/.well-known/oauth-protected-resource${path}`
}

const DENIED_BODY = JSON.stringify({ detail: 'Missing or invalid credentials' })

function unauthorized(wwwAuthenticate: string | undefined): Response {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (wwwAuthenticate !== undefined) headers['www-authenticate'] = wwwAuthenticate
  return new Response(DENIED_BODY, { status: 401, headers })
}

function bearerToken(request: Request): string | undefined {
  return /^Bearer (.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1]
}

/**
 * The 403 `insufficient_scope` a step-up scenario answers to `tools/call` when the token lacks
 * `stepUpScope`, naming every scope the call needs; undefined when the call may pass. Call it after
 * `challengeFor` let the request through.
 */
export function scopeChallengeFor(
  scenario: Scenario,
  state: ServerState,
  request: Request,
  messages: readonly unknown[],
): Response | undefined {
  if (scenario.auth.kind !== 'oauth') return undefined
  const { oauth } = scenario.auth
  const needed = oauth.stepUpScope
  if (!needed || !messages.some((m) => (m as { method?: unknown } | null)?.method === 'tools/call')) return undefined
  const granted = (state.oauth.tokens.get(bearerToken(request) ?? '') ?? '').split(' ').filter(Boolean)
  if (granted.includes(needed)) return undefined
  const scope = [...new Set([...granted, needed])].join(' ')
  return new Response(JSON.stringify({ error: 'insufficient_scope' }), {
    status: 403,
    headers: {
      'content-type': 'application/json',
      'www-authenticate': `Bearer error="insufficient_scope", scope="${scope}", resource_metadata="${hintedPrmUrl(scenario, oauth)}"`,
    },
  })
}

/**
 * The challenge the server answers when the request lacks the required credential, or undefined
 * when the request may pass. OAuth scenarios accept the tokens their authorization server issued.
 */
export function challengeFor(scenario: Scenario, state: ServerState, request: Request): Response | undefined {
  const { auth } = scenario
  if (auth.kind === 'none') return undefined
  if (auth.kind === 'oauth') {
    const { oauth } = auth
    const token = bearerToken(request)
    if (token && oauth.tokenAccepted && state.oauth.tokens.has(token)) return undefined
    const scope = oauth.challengeScope ? `, scope="${oauth.challengeScope}"` : ''
    if (oauth.challenge === 'none') return unauthorized(undefined)
    if (oauth.challenge === 'bare') return unauthorized(`Bearer${scope ? ` ${scope.slice(2)}` : ''}`)
    return unauthorized(`Bearer resource_metadata="${hintedPrmUrl(scenario, oauth)}"${scope}`)
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
