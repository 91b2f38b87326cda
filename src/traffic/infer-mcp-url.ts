import type { Exchange } from '../core/exchange.js'
import { startsNegotiation } from '../core/exchange.js'

/**
 * The MCP server URL of a session seen from outside (a HAR capture, a forward proxy that sees every
 * origin): for legacy HTTP+SSE, the stream that sent the `endpoint` event; else where the client
 * POSTed its first `initialize` (or `server/discover`). Undefined when no MCP session is in the traffic.
 */
export function inferMcpUrl(exchanges: readonly Exchange[]): string | undefined {
  const sse = exchanges.find((e) => e.events?.some((event) => event.event === 'endpoint'))
  if (sse) return sse.url
  return exchanges.find((e) => e.method === 'POST' && startsNegotiation(e.requestBody))?.url
}
