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
