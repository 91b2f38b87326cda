import type { Transport } from '../core/client-config.js'
import type { Exchange } from '../core/exchange.js'

/** A session that received an `endpoint` event spoke legacy HTTP+SSE; any other spoke Streamable HTTP. */
export function inferTransport(exchanges: readonly Exchange[]): Transport {
  return exchanges.some((exchange) => exchange.events?.some((event) => event.event === 'endpoint')) ? 'sse' : 'streamable-http'
}
