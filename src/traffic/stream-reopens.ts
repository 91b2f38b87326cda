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
  // Each request body parsed once: a long session has thousands of GETs (linear, not GETs × exchanges).
  const negotiations = endpoint
    .filter((e) => startsNegotiation(e.requestBody))
    .map((e) => e.requestTick)
    .sort((a, b) => a - b)
  const sessions = new Map<string | undefined, Exchange[]>()
  for (const get of endpoint.filter((e) => e.method === 'GET')) {
    const session = headerValue(get.requestHeaders, 'mcp-session-id')
    const list = sessions.get(session)
    if (list) list.push(get)
    else sessions.set(session, [get])
  }
  for (const list of sessions.values()) list.sort((a, b) => a.requestTick - b.requestTick)
  const reopened: Array<{ stream: Exchange; next: Exchange }> = []
  for (const list of sessions.values()) {
    const ticks = list.map((e) => e.requestTick)
    for (const stream of list) {
      if (stream.status !== 200 || stream.events === undefined || stream.responseTick === undefined) continue
      // A GET before any initialize is no session's stream: a client probing for the legacy HTTP+SSE
      // transport (mcp-remote's http-first mode does) opens and drops such GETs on purpose.
      if (!(negotiations[0]! < stream.requestTick)) continue
      const next = list[firstAbove(ticks, stream.responseTick)]
      if (!next) continue
      const restart = negotiations[firstAbove(negotiations, stream.responseTick)]
      if (restart === undefined || restart >= next.requestTick) reopened.push({ stream, next })
    }
  }
  return reopened.sort((a, b) => a.stream.requestTick - b.stream.requestTick)
}

/** The index of the first of the sorted `ticks` above `tick` (`ticks.length` when none). */
function firstAbove(ticks: readonly number[], tick: number): number {
  let low = 0
  let high = ticks.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (ticks[middle]! > tick) high = middle
    else low = middle + 1
  }
  return low
}
