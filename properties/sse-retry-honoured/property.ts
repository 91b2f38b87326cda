import { spec, type Property, type Violation } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import type { Exchange } from '../../src/core/exchange.js'
import { reopenedStreams } from '../../src/traffic/stream-reopens.js'

const ID = 'sse-retry-honoured'

/** Whole milliseconds: both times are rounded, so a wait of exactly `retry` may read 1 ms short. */
const ROUNDING_MS = 1

/**
 * Reopened GET streams whose first stream ended after a `retry` field asked for a wait, with that
 * wait. Needs live timings (recordings store none).
 */
function reconnections(trial: Trial): Array<{ stream: Exchange; retry: number; next: Exchange }> {
  return reopenedStreams(trial).flatMap(({ stream, next }) => {
    const retry = stream.events!.findLast((event) => event.retry !== undefined)?.retry
    if (!retry || stream.answeredAtMs === undefined || next.sentAtMs === undefined) return []
    return [{ stream, retry, next }]
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
    // The first offending reopen only: how many more follow depends on how long the session runs,
    // and a counterexample must say the same thing every time it is replayed.
    return reconnections(trial)
      .flatMap(({ stream, retry, next }): Violation[] => {
        // From what the mock saw, not when the judge's copy of the stream ended: the client cannot
        // see the end before the mock handed the stream over, and its new GET reaches the mock after
        // it sent it, so load only lengthens this wait: a client that waited is never blamed.
        // (The mock's dropped streams end as they are handed over, so the wait is the reconnection delay.)
        const waited = next.sentAtMs! - stream.answeredAtMs!
        if (waited >= retry - ROUNDING_MS) return []
        return [
          {
            property: ID,
            exchange: next.seq,
            // Neither the measured wait nor request numbers in the message: both vary with timing.
            message: `the GET that reopened the stream came sooner than the retry: ${retry} the stream asked for`,
          },
        ]
      })
      .slice(0, 1)
  },
}
