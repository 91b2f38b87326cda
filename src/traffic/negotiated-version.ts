import type { Exchange } from '../core/exchange.js'
import { jsonRpcMethod } from '../core/exchange.js'
import { parseJsonOr } from '../core/json.js'

function resultVersion(text: string | undefined): string | undefined {
  if (!text) return undefined
  const message = parseJsonOr(text, undefined) as { result?: { protocolVersion?: unknown } } | null | undefined
  const version = message?.result?.protocolVersion
  return typeof version === 'string' ? version : undefined
}

/**
 * The protocol version the server answered to the client's `initialize` (from a JSON body or an
 * SSE event), with the exchange that carried it; undefined before a successful initialize.
 */
export function negotiatedVersion(exchanges: readonly Exchange[]): { version: string; exchange: Exchange } | undefined {
  for (const exchange of exchanges) {
    if (jsonRpcMethod(exchange.requestBody) !== 'initialize') continue
    const version = resultVersion(exchange.responseBody) ?? exchange.events?.map((e) => resultVersion(e.data)).find(Boolean)
    if (version) return { version, exchange }
  }
  return undefined
}

/** One negotiation of a trial: the version an `initialize` was answered with, or a `server/discover` answered 2xx (the modern era). */
export interface Negotiation {
  exchange: Exchange
  /** The legacy version negotiated; undefined for the modern era, whose requests each name their version. */
  version?: string
}

/**
 * Every negotiation of a trial in order: a client that reconnects (after re-authorization, or per
 * task) negotiates afresh, and its later requests follow the newest negotiation.
 */
export function negotiations(exchanges: readonly Exchange[]): Negotiation[] {
  return exchanges.flatMap((exchange): Negotiation[] => {
    const method = jsonRpcMethod(exchange.requestBody)
    if (method === 'server/discover' && exchange.status !== undefined && exchange.status >= 200 && exchange.status < 300)
      return [{ exchange }]
    if (method !== 'initialize') return []
    const version = resultVersion(exchange.responseBody) ?? exchange.events?.map((e) => resultVersion(e.data)).find(Boolean)
    return version ? [{ exchange, version }] : []
  })
}

/** The newest negotiation whose answer the client had before sending `exchange`. */
export function negotiationBefore(all: readonly Negotiation[], exchange: Exchange): Negotiation | undefined {
  return all.filter((n) => (n.exchange.responseTick ?? Infinity) < exchange.requestTick).at(-1)
}
