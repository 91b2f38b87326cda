import type { ClientConfig } from '../core/client-config.js'
import { headerValue, jsonRpcMethod, type Exchange } from '../core/exchange.js'
import { NOT_JSON, parseJsonOr } from '../core/json.js'

/** origin + path without a trailing slash: two URLs name the same endpoint when these are equal. */
function endpointKey(url: URL): string {
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

/**
 * The URLs (as endpoint keys) that are the MCP endpoint in a trial: the configured URL, and for
 * legacy HTTP+SSE every POST URL a server announced in an `endpoint` event (resolved against the
 * stream's URL, as the 2024-11-05 spec says).
 */
export function mcpEndpointKeys(config: ClientConfig, exchanges: readonly Exchange[]): Set<string> {
  const keys = new Set([endpointKey(new URL(config.url))])
  for (const exchange of exchanges) {
    for (const event of exchange.events ?? []) {
      if (event.event !== 'endpoint') continue
      try {
        keys.add(endpointKey(new URL(event.data, exchange.url)))
      } catch {
        // An unparsable endpoint is the server's problem; the client cannot have used it.
      }
    }
  }
  return keys
}

/**
 * A POST whose body is JSON but not JSON-RPC, or a form, is another kind of request that happens to
 * share the endpoint's path (a registration or token request a client built as `URL + "/register"`
 * on a URL with a query, say): what it broke is judged by the OAuth properties, not the transport ones.
 */
function isOtherJsonPost(exchange: Exchange): boolean {
  if (exchange.method !== 'POST') return false
  // A form body is an OAuth token request built the same way (`…/?tenant=acme/token`).
  if (/application\/x-www-form-urlencoded/i.test(headerValue(exchange.requestHeaders, 'content-type') ?? '')) return true
  const body = parseJsonOr(exchange.requestBody, NOT_JSON)
  if (body === NOT_JSON) return false
  const messages = Array.isArray(body) ? body : [body]
  return !messages.some((message) => typeof message === 'object' && message !== null && 'jsonrpc' in message)
}

/**
 * A GET or DELETE on the endpoint's path whose query is not the configured URL's, when that URL has
 * one: another resource built by appending to the URL (go-sdk 1.8.0 sent its authorization request
 * to `…/?v=2&region=eu/authorize&client_id=…`), not the stream or session end.
 */
function isOtherQueryGet(exchange: Exchange, configured: URL): boolean {
  if (exchange.method === 'POST' || configured.search === '') return false
  return new URL(exchange.url).search !== configured.search
}

/** The exchanges sent to the MCP endpoint (see `mcpEndpointKeys`), in order. */
export function mcpEndpointExchanges(config: ClientConfig, exchanges: readonly Exchange[]): Exchange[] {
  const keys = mcpEndpointKeys(config, exchanges)
  const configured = new URL(config.url)
  return exchanges.filter(
    (exchange) =>
      keys.has(endpointKey(new URL(exchange.url))) && !isOtherJsonPost(exchange) && !isOtherQueryGet(exchange, configured),
  )
}

/**
 * Whether the trial carried an MCP message to the MCP endpoint: a JSON-RPC POST there or, for the
 * legacy HTTP+SSE transport, the GET that opens its stream. Without one nothing MCP happened, so
 * nothing held: a client that only fetched `/favicon.ico`, or POSTed `initialize` to another path,
 * is not a pass (issue 22: no green without an MCP request).
 */
export function hasMcpRequest(trial: { config: ClientConfig; exchanges: readonly Exchange[] }): boolean {
  return mcpEndpointExchanges(trial.config, trial.exchanges).some(
    (exchange) =>
      (exchange.method === 'POST' && jsonRpcMethod(exchange.requestBody) !== undefined) ||
      (trial.config.transport === 'sse' && exchange.method === 'GET'),
  )
}
