/**
 * The part of a trial spent in the 2026-07-28 era (MCP 2026-07-28 "Transports › Streamable HTTP"):
 * what the POST-only transport's rules judge, and nothing a fallback to `initialize` made legacy.
 */
import type { Exchange } from '../core/exchange.js'
import { jsonRpcMethod } from '../core/exchange.js'
import type { Trial } from '../core/trial.js'
import { parseJsonOr } from '../core/json.js'
import { modernVersionOf } from '../spec/modern-headers.js'
import { mcpEndpointExchanges } from './mcp-endpoint.js'

/**
 * POSTs to the MCP endpoint whose body names a 2026-07-28-or-later version in `_meta`, over
 * Streamable HTTP (the legacy HTTP+SSE transport never had this era's rules).
 */
export function modernPosts(trial: Trial): Exchange[] {
  if (trial.config.transport !== 'streamable-http') return []
  return mcpEndpointExchanges(trial.config, trial.exchanges).filter(
    (e) => e.method === 'POST' && modernVersionOf(parseJsonOr(e.requestBody, undefined)) !== undefined,
  )
}

/**
 * The MCP-endpoint requests sent while the client spoke the modern era: from the first modern POST
 * the server answered 2xx, up to an `initialize` (a fallback makes what follows legacy).
 */
export function modernEraRequests(trial: Trial): Exchange[] {
  const established = modernPosts(trial).find((e) => e.status !== undefined && e.status >= 200 && e.status < 300)
  if (established?.responseTick === undefined) return []
  const after = mcpEndpointExchanges(trial.config, trial.exchanges).filter((e) => e.requestTick > established.responseTick!)
  const fallback = after.findIndex((e) => e.method === 'POST' && jsonRpcMethod(e.requestBody) === 'initialize')
  return fallback < 0 ? after : after.slice(0, fallback)
}

/** A modern `tools/call` with what the judge needs of it: the tool's name and the call's arguments. */
export interface ModernToolCall {
  exchange: Exchange
  tool: string
  args: unknown
}

/** The modern POSTs that call a tool. */
export function modernToolCalls(trial: Trial): ModernToolCall[] {
  return modernPosts(trial).flatMap((exchange) => {
    const body = parseJsonOr(exchange.requestBody, undefined) as
      { method?: unknown; params?: { name?: unknown; arguments?: unknown } } | undefined
    if (body?.method !== 'tools/call' || typeof body.params?.name !== 'string') return []
    return [{ exchange, tool: body.params.name, args: body.params.arguments }]
  })
}
