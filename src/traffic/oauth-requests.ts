import type { Exchange } from '../core/exchange.js'
import { headerValue } from '../core/exchange.js'
import { isInsufficientScope } from '../spec/www-authenticate.js'
import { DISCOVERY_WELL_KNOWN } from '../spec/well-known.js'

/** Conventional OAuth endpoint paths (the 2025-03-26 fallbacks and what clients guess). */
const OAUTH_ENDPOINT = /\/(register|authorize|token)\/?$/

/**
 * Whether a request is part of OAuth discovery or flow: a well-known metadata URI in any of its
 * placements (inserted, appended, e.g. the seed's `/sse/.well-known/openid-configuration`), or a
 * registration, authorization or token endpoint, on any origin.
 */
export function isOAuthRequest(exchange: Exchange): boolean {
  const path = new URL(exchange.url).pathname
  return DISCOVERY_WELL_KNOWN.some((prefix) => path.includes(prefix)) || OAUTH_ENDPOINT.test(path)
}

/** Whether a response is an authorization challenge: any 401, or a 403 with `insufficient_scope`. */
export function isChallenge(exchange: Exchange): boolean {
  if (exchange.status === 401) return true
  if (exchange.status !== 403) return false
  return isInsufficientScope(headerValue(exchange.responseHeaders, 'www-authenticate'))
}
