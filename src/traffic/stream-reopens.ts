import type { Trial } from '../core/trial.js'
import type { Exchange } from '../core/exchange.js'
import { headerValue, startsNegotiation } from '../core/exchange.js'
import { mcpEndpointExchanges } from './mcp-endpoint.js'

/**
 * Each GET event stream of a Streamable HTTP trial's MCP endpoint with the GET that opened the
 * stream again: the next GET of the same session (the same `Mcp-Session-Id`, and no new
 * `initialize` or `server/discover` between: a server without session ids shows no other sign of a
 * new session). Only streams of a session count: a GET before any negotiation is a transport probe.
 * What the resumption rules (`Last-Event-ID`, `retry`) judge.
 */
export function reopenedStreams(trial: Trial): Array<{ stream: Exchange; next: Exchange }> {
  if (trial.config.transport !== 'streamable-http') return []
  const endpoint = mcpEndpointExchanges(trial.config, trial.exchanges)
  const gets = endpoint.filter((e) => e.method === 'GET')
  return gets.flatMap((stream) => {
    if (stream.status !== 200 || stream.events === undefined || stream.responseTick === undefined) return []
    // A GET before any initialize is no session's stream: a client probing for the legacy HTTP+SSE
    // transport (mcp-remote's http-first mode does) opens and drops such GETs on purpose.
    if (!endpoint.some((e) => startsNegotiation(e.requestBody) && e.requestTick < stream.requestTick)) return []
    const session = headerValue(stream.requestHeaders, 'mcp-session-id')
    const next = gets.find(
      (e) => e.requestTick > stream.responseTick! && headerValue(e.requestHeaders, 'mcp-session-id') === session,
    )
    if (!next) return []
    const restarted = endpoint.some(
      (e) => startsNegotiation(e.requestBody) && e.requestTick > stream.responseTick! && e.requestTick < next.requestTick,
    )
    return restarted ? [] : [{ stream, next }]
  })
}
