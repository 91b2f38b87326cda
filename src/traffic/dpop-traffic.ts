// DPoP in a trial's traffic (RFC 9449), as the DPoP properties read it: which authorization
// servers offered it, which tokens came back bound and to which key, how each was presented.
import type { Exchange } from '../core/exchange.js'
import { headerValue } from '../core/exchange.js'
import type { Trial } from '../core/trial.js'
import { jsonObject } from '../core/json.js'
import { checkDpopProof } from '../spec/dpop-proof.js'
import { asMetadataRequests } from './oauth-flow.js'
import { authorizationServerTokenRequests } from './machine-grants.js'

/** The origins of authorization servers whose metadata offered DPoP (`dpop_signing_alg_values_supported`, RFC 9449 §5.1). */
export function dpopServerOrigins(trial: Trial): Set<string> {
  return new Set(
    asMetadataRequests(trial)
      .filter((e) => e.status === 200 && Array.isArray(jsonObject(e.responseBody)?.dpop_signing_alg_values_supported))
      .map((e) => new URL(e.url).origin),
  )
}

/** Token requests to an authorization server that offered DPoP. */
export function dpopTokenRequests(trial: Trial): Exchange[] {
  const origins = dpopServerOrigins(trial)
  return authorizationServerTokenRequests(trial)
    .map(({ exchange }) => exchange)
    .filter((e) => origins.has(new URL(e.url).origin))
}

/**
 * The DPoP-bound access tokens issued (`token_type: DPoP`, RFC 9449 §5), each with the thumbprint
 * of the key whose proof came with its token request (what it is bound to).
 */
export function boundTokens(trial: Trial): Map<string, string | undefined> {
  const bound = new Map<string, string | undefined>()
  for (const exchange of dpopTokenRequests(trial)) {
    const body = jsonObject(exchange.responseBody)
    if (exchange.status !== 200 || typeof body?.access_token !== 'string' || String(body.token_type).toLowerCase() !== 'dpop')
      continue
    const proof = checkDpopProof(headerValue(exchange.requestHeaders, 'dpop'), { method: 'POST', url: exchange.url, at: null })
    bound.set(body.access_token, typeof proof === 'string' ? undefined : proof.jkt)
  }
  return bound
}

/** The access token a request presents and its scheme, lower case (`bearer`, `dpop`). */
export function presentedToken(exchange: Exchange): { scheme: string; token: string } | undefined {
  const match = /^(\S+)\s+(\S+)$/.exec(headerValue(exchange.requestHeaders, 'authorization') ?? '')
  return match ? { scheme: match[1]!.toLowerCase(), token: match[2]! } : undefined
}

/** Requests that present one of the DPoP-bound tokens, with the token's binding. */
export function requestsWithBoundTokens(
  trial: Trial,
): Array<{ exchange: Exchange; token: string; scheme: string; jkt: string | undefined }> {
  const bound = boundTokens(trial)
  return trial.exchanges.flatMap((exchange) => {
    const presented = presentedToken(exchange)
    return presented && bound.has(presented.token) ? [{ exchange, ...presented, jkt: bound.get(presented.token) }] : []
  })
}
