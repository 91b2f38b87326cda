import type { Trial } from '../core/trial.js'
import type { Exchange } from '../core/exchange.js'
import { headerValue } from '../core/exchange.js'
import { mcpEndpointExchanges } from './mcp-endpoint.js'
import { challengeParam, isInsufficientScope } from '../spec/www-authenticate.js'
import { isAsMetadataPath, isPrmPath } from '../spec/well-known.js'
import { jsonObject, parseJsonOr } from '../core/json.js'
import { ID_JAG_TOKEN_TYPE } from '../spec/oauth-grants.js'

/** The path of an exchange's URL. */
export function pathOf(exchange: Exchange): string {
  return new URL(exchange.url).pathname
}

/** Requests to an authorization endpoint (the browser opening it). */
export function authorizeRequests(trial: Trial): Exchange[] {
  return trial.exchanges.filter((e) => e.method === 'GET' && /\/authorize\/?$/.test(pathOf(e)))
}

/** Requests to a token endpoint, with their form parameters. */
export function tokenRequests(trial: Trial): Array<{ exchange: Exchange; form: URLSearchParams }> {
  return trial.exchanges
    .filter((e) => e.method === 'POST' && /\/token\/?$/.test(pathOf(e)))
    .map((exchange) => ({ exchange, form: new URLSearchParams(exchange.requestBody ?? '') }))
}

/** Registration requests (dynamic client registration). */
export function registrationRequests(trial: Trial): Exchange[] {
  return trial.exchanges.filter((e) => e.method === 'POST' && /\/register\/?$/.test(pathOf(e)))
}

/**
 * Access tokens the authorization server issued, with when the client had them and the scheme
 * they go with: `DPoP` for a DPoP-bound token (`token_type: DPoP`, RFC 9449 §7.1), else `Bearer`.
 * An ID-JAG from an enterprise IdP's token exchange (`issued_token_type` id-jag) is a grant for the
 * authorization server, not an access token.
 */
export function issuedTokens(trial: Trial): Array<{ token: string; tick: number; scheme: 'Bearer' | 'DPoP' }> {
  return tokenRequests(trial).flatMap(({ exchange }) => {
    const body = parseJsonOr(exchange.responseBody, undefined) as
      { access_token?: unknown; token_type?: unknown; issued_token_type?: unknown } | null | undefined
    const token = body?.access_token
    if (typeof token !== 'string' || exchange.responseTick === undefined || body?.issued_token_type === ID_JAG_TOKEN_TYPE)
      return []
    return [{ token, tick: exchange.responseTick, scheme: String(body?.token_type).toLowerCase() === 'dpop' ? 'DPoP' : 'Bearer' }]
  })
}

/** The `resource_metadata` URL (RFC 9728 §5.1) of a WWW-Authenticate value's Bearer challenge, if it names one. */
export function resourceMetadataOf(wwwAuthenticate: string | undefined): string | undefined {
  return challengeParam(wwwAuthenticate, 'resource_metadata') || undefined
}

/** The `scope` (RFC 6750 §3) of a WWW-Authenticate value's Bearer challenge, if it names one. */
export function scopeOf(wwwAuthenticate: string | undefined): string | undefined {
  return challengeParam(wwwAuthenticate, 'scope')
}

/** The 401s the MCP endpoint answered, in order, with their WWW-Authenticate. */
export function mcpChallenges(trial: Trial): Array<{ exchange: Exchange; wwwAuthenticate: string | undefined }> {
  return mcpEndpointExchanges(trial.config, trial.exchanges)
    .filter((e) => e.status === 401)
    .map((exchange) => ({ exchange, wwwAuthenticate: headerValue(exchange.responseHeaders, 'www-authenticate') }))
}

/** The MCP endpoint's 401 and 403 answers that name a `resource_metadata` URL, with that URL. */
export function metadataHints(trial: Trial): Array<{ exchange: Exchange; url: string }> {
  return mcpEndpointExchanges(trial.config, trial.exchanges).flatMap((exchange) => {
    if (exchange.status !== 401 && exchange.status !== 403) return []
    const url = resourceMetadataOf(headerValue(exchange.responseHeaders, 'www-authenticate'))
    return url ? [{ exchange, url }] : []
  })
}

/** Requests for Protected Resource Metadata: the well-known in any placement, or a URL a 401 or 403 named. */
export function prmRequests(trial: Trial): Exchange[] {
  const hinted = new Set(metadataHints(trial).map((hint) => hint.url))
  return trial.exchanges.filter((e) => isPrmPath(pathOf(e)) || hinted.has(e.url.split('?')[0]!))
}

/** PRM documents the client received: the exchange and the parsed body. */
export function servedPrms(
  trial: Trial,
): Array<{ exchange: Exchange; resource?: string; scopes?: string[]; authorizationServers: string[] }> {
  return prmRequests(trial).flatMap((exchange) => {
    if (exchange.status !== 200) return []
    const body = jsonObject(exchange.responseBody)
    if (!body) return []
    return [
      {
        exchange,
        ...(typeof body.resource === 'string' ? { resource: body.resource } : {}),
        ...(Array.isArray(body.scopes_supported) ? { scopes: body.scopes_supported.map(String) } : {}),
        authorizationServers: Array.isArray(body.authorization_servers) ? body.authorization_servers.map(String) : [],
      },
    ]
  })
}

/** Requests for authorization server metadata (RFC 8414 or OpenID Connect discovery), any placement. */
export function asMetadataRequests(trial: Trial): Exchange[] {
  return trial.exchanges.filter((e) => isAsMetadataPath(pathOf(e)))
}

/** Whether `resource` may stand for the MCP server at `mcpUrl`: same origin, and a path prefix of it. */
export function resourceCovers(resource: string, mcpUrl: string): boolean {
  // A resource that is not a URL names nothing, so it covers nothing.
  if (!URL.canParse(resource) || !URL.canParse(mcpUrl)) return false
  const r = new URL(resource)
  const m = new URL(mcpUrl)
  if (r.origin !== m.origin || r.hash) return false
  const prefix = r.pathname.replace(/\/+$/, '')
  const path = m.pathname.replace(/\/+$/, '')
  return path === prefix || path.startsWith(`${prefix}/`)
}

/** Authorization server metadata documents the client received, with the fields client rules depend on. */
export function servedAsMetadata(trial: Trial): Array<{
  exchange: Exchange
  issuer?: string
  authorizationEndpoint?: string
  tokenEndpoint?: string
  registrationEndpoint?: string
  /** `code_challenge_methods_supported`, undefined when the document leaves it out. */
  codeChallengeMethods?: string[]
  /** RFC 9207 §3 `authorization_response_iss_parameter_supported` is literally true. */
  issSupported: boolean
  /** SEP-991 `client_id_metadata_document_supported` is literally true. */
  metadataDocumentsSupported: boolean
}> {
  return asMetadataRequests(trial).flatMap((exchange) => {
    if (exchange.status !== 200) return []
    const body = jsonObject(exchange.responseBody)
    if (!body) return []
    const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : undefined)
    const fields = {
      issuer: text('issuer'),
      authorizationEndpoint: text('authorization_endpoint'),
      tokenEndpoint: text('token_endpoint'),
      registrationEndpoint: text('registration_endpoint'),
    }
    const methods = body.code_challenge_methods_supported
    return [
      {
        exchange,
        ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
        ...(Array.isArray(methods) ? { codeChallengeMethods: methods.map(String) } : {}),
        issSupported: body.authorization_response_iss_parameter_supported === true,
        metadataDocumentsSupported: body.client_id_metadata_document_supported === true,
      },
    ]
  })
}

/** A URL without its query and fragment: how endpoints from metadata are compared with requests. */
export function withoutQuery(url: string): string {
  return url.split(/[?#]/)[0]!
}

/**
 * The client id a token request authenticates with: `client_id` in the form, or the user part of
 * HTTP Basic (RFC 6749 §2.3.1, form-urlencoded).
 */
export function tokenRequestClientId(exchange: Exchange, form: URLSearchParams): string | undefined {
  const basic = /^Basic (.+)$/i.exec(headerValue(exchange.requestHeaders, 'authorization') ?? '')?.[1]
  if (basic) {
    const decoded = decodeBase64(basic)
    const colon = decoded.indexOf(':')
    // Not form-urlencoded as RFC 6749 §2.3.1 asks: the raw user part is still the id the client meant.
    return safeDecode(colon < 0 ? decoded : decoded.slice(0, colon))
  }
  return form.get('client_id') ?? undefined
}

function decodeBase64(text: string): string {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)))
  } catch {
    // Not base64: nothing the server could read as a client id.
    return ''
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    // Not valid percent-encoding: the raw text is what was sent.
    return text
  }
}

/** Client ids the client obtained by dynamic registration, with the origin of the registration endpoint that issued each. */
export function registeredClients(trial: Trial): Array<{ exchange: Exchange; clientId: string; origin: string }> {
  return registrationRequests(trial).flatMap((exchange) => {
    const clientId = jsonObject(exchange.responseBody)?.client_id
    if (exchange.status === undefined || exchange.status >= 300 || typeof clientId !== 'string') return []
    return [{ exchange, clientId, origin: new URL(exchange.url).origin }]
  })
}

/** The 403 `insufficient_scope` answers of the MCP endpoint, with the scope each named. */
export function scopeChallenges(trial: Trial): Array<{ exchange: Exchange; scope: string[] }> {
  return mcpEndpointExchanges(trial.config, trial.exchanges).flatMap((exchange) => {
    const challenge = headerValue(exchange.responseHeaders, 'www-authenticate')
    if (exchange.status !== 403 || !isInsufficientScope(challenge)) return []
    return [{ exchange, scope: (scopeOf(challenge) ?? '').split(/\s+/).filter(Boolean) }]
  })
}
