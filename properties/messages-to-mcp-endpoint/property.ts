import { spec, type Property, type Violation } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import { headerValue, type Exchange } from '../../src/core/exchange.js'
import { NOT_JSON, parseJsonOr } from '../../src/core/json.js'
import { hasMcpRequest } from '../../src/traffic/mcp-endpoint.js'

const ID = 'messages-to-mcp-endpoint'

/** Whether a request body is JSON-RPC (a message or a batch of them). */
function carriesJsonRpc(body: string | undefined): boolean {
  const parsed = parseJsonOr(body, NOT_JSON)
  if (parsed === NOT_JSON) return false
  const messages = Array.isArray(parsed) ? parsed : [parsed]
  return messages.some(
    (message) => typeof message === 'object' && message !== null && (message as { jsonrpc?: unknown }).jsonrpc === '2.0',
  )
}

/** `url` as a URL string compares (resolved, fragment dropped), or undefined when it is none. */
function exact(url: string, base?: string): string | undefined {
  try {
    const parsed = new URL(url, base)
    parsed.hash = ''
    return parsed.href
  } catch {
    return undefined
  }
}

/**
 * Where JSON-RPC may go: the configured URL exactly (query kept, nothing appended), every endpoint
 * a legacy `endpoint` event announced (resolved against its stream, or the configured URL), and
 * wherever a redirect from one of those led (a moved server).
 */
function endpoints(trial: Trial): Set<string> {
  const allowed = new Set([exact(trial.config.url)!])
  for (const exchange of trial.exchanges)
    for (const event of exchange.events ?? [])
      if (event.event === 'endpoint')
        // Resolved against the stream's URL, or the configured one when a redirect moved the stream:
        // a client resolving against the URL it was given is followed by the same redirect (go-sdk).
        for (const base of [exchange.url, trial.config.url]) {
          const announced = exact(event.data, base)
          if (announced) allowed.add(announced)
        }
  // Redirects chain: follow them until nothing new is allowed.
  for (let grew = true; grew;) {
    grew = false
    for (const exchange of trial.exchanges) {
      const location = headerValue(exchange.responseHeaders, 'location')
      if (!location || (exchange.status ?? 0) < 300 || (exchange.status ?? 0) >= 400 || !allowed.has(exact(exchange.url)!))
        continue
      const target = exact(location, exchange.url)
      if (target && !allowed.has(target)) {
        allowed.add(target)
        grew = true
      }
    }
  }
  return allowed
}

function jsonRpcPosts(trial: Trial): Exchange[] {
  return trial.exchanges.filter((exchange) => exchange.method === 'POST' && carriesJsonRpc(exchange.requestBody))
}

/**
 * Every JSON-RPC message is POSTed to the MCP endpoint exactly: the configured URL with its query
 * and nothing appended (Streamable HTTP), or the endpoint the server announced (HTTP+SSE), or where
 * a redirect from either led.
 */
export const messagesToMcpEndpoint: Property = {
  id: ID,
  statement:
    'Every JSON-RPC message is POSTed to the MCP endpoint exactly: the configured URL, query kept and nothing appended, or the endpoint an HTTP+SSE server announced (or where a redirect from either led).',
  source: spec('2025-03-26', 'Transports › Streamable HTTP › Sending Messages to the Server; HTTP with SSE (2024-11-05)', {
    alsoBefore: true,
  }),
  level: 'MUST',
  // A client that never reached the endpoint at all was given a wrong URL, or failed before: that is
  // "nothing was judged (is the URL right?)", not this rule's verdict.
  exercised: (trial) => hasMcpRequest(trial) && jsonRpcPosts(trial).length > 0,
  check(trial: Trial): Violation[] {
    if (!hasMcpRequest(trial)) return []
    const allowed = endpoints(trial)
    const stray = jsonRpcPosts(trial).find((exchange) => !allowed.has(exact(exchange.url) ?? exchange.url))
    if (!stray) return []
    return [
      {
        property: ID,
        exchange: stray.seq,
        message: `request #${stray.seq} POST ${stray.url} carried a JSON-RPC message to a URL that is not the MCP endpoint (configured: ${trial.config.url})`,
      },
    ]
  },
}
