import type { Exchange } from '../core/exchange.js'
import { startsNegotiation } from '../core/exchange.js'

/**
 * The MCP server URL of a session seen from outside (a forward proxy sees every origin): the URL
 * of the first `initialize` (or `server/discover`) request, or, for legacy HTTP+SSE, of the GET
 * stream that sent the `endpoint` event. Undefined when no MCP session is in the traffic.
 */
export function inferMcpUrl(exchanges: readonly Exchange[]): string | undefined {
  const sse = exchanges.find((e) => e.method === 'GET' && e.events?.some((event) => event.event === 'endpoint'))
  if (sse) return sse.url
  return exchanges.find((e) => e.method === 'POST' && startsNegotiation(e.requestBody))?.url
}
