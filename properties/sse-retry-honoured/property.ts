import { spec, type Property, type Violation } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import type { Exchange } from '../../src/core/exchange.js'
import { headerValue } from '../../src/core/exchange.js'
import { mcpEndpointExchanges } from '../../src/traffic/mcp-endpoint.js'

const ID = 'sse-retry-honoured'

/**
 * How much earlier than `retry` after the end a reconnection may be and still count as waiting:
 * the judge sees the end of the stream a little after the client does.
 */
const SLACK_MS = 25

/**
 * Ended GET streams of the MCP endpoint whose last `retry` field asked for a wait, each with the
 * next GET of the same session: when the client came back. Needs live timings (not in recordings).
 */
function reconnections(trial: Trial): Array<{ stream: Exchange; retry: number; next: Exchange }> {
  if (trial.config.transport !== 'streamable-http') return []
  const gets = mcpEndpointExchanges(trial.config, trial.exchanges).filter((e) => e.method === 'GET')
  return gets.flatMap((stream) => {
    const retry = stream.events?.findLast((event) => event.retry !== undefined)?.retry
    if (!retry || stream.streamEndedAtMs === undefined) return []
    const session = headerValue(stream.requestHeaders, 'mcp-session-id')
    const next = gets.find(
      (e) =>
        e.sentAtMs !== undefined &&
        e.requestTick > (stream.responseTick ?? Infinity) &&
        headerValue(e.requestHeaders, 'mcp-session-id') === session,
    )
    return next ? [{ stream, retry, next }] : []
  })
}

/**
 * SSE reconnection time: after a GET stream that set `retry: N` ends, the client waits at least N
 * ms before it opens the stream again (MCP 2025-11-25 "The client MUST respect the retry field").
 */
export const sseRetryHonoured: Property = {
  id: ID,
  statement: 'After a GET stream that sent retry: N ends, the client waits at least N ms before it opens the stream again.',
  source: spec('2025-11-25', 'Transports › Streamable HTTP › Resumability and Redelivery (retry)'),
  level: 'MUST',
  exercised: (trial) => reconnections(trial).length > 0,
  check(trial) {
    return reconnections(trial).flatMap(({ stream, retry, next }): Violation[] => {
      const waited = next.sentAtMs! - stream.streamEndedAtMs!
      if (waited >= retry - SLACK_MS) return []
      return [
        {
          property: ID,
          exchange: next.seq,
          message: `GET #${next.seq} reopened the stream ${Math.max(0, waited)} ms after #${stream.seq} ended, which asked for retry: ${retry}`,
        },
      ]
    })
  },
}
