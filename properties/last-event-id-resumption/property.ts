import { spec, type Property, type Violation } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import type { Exchange } from '../../src/core/exchange.js'
import { headerValue } from '../../src/core/exchange.js'
import { reopenedStreams } from '../../src/traffic/stream-reopens.js'

const ID = 'last-event-id-resumption'

/** Reopened GET streams whose first stream delivered an event with an id: resumptions, with that id. */
function resumptions(trial: Trial): Array<{ stream: Exchange; lastId: string; next: Exchange }> {
  return reopenedStreams(trial).flatMap(({ stream, next }) => {
    const lastId = stream.events!.findLast((event) => event.id !== undefined && event.id !== '')?.id
    return lastId === undefined ? [] : [{ stream, lastId, next }]
  })
}

/**
 * Resumability: a client that opens the GET stream again after one that carried event ids sends
 * `Last-Event-ID` with the last id it received, so the server can redeliver what the break lost.
 * Configured headers on that resumed GET are `headers-always-sent`'s to judge.
 */
export const lastEventIdResumption: Property = {
  id: ID,
  statement:
    'When the client opens the GET stream again after one that delivered event ids (same session), the new GET carries Last-Event-ID with the last id received.',
  source: spec('2025-03-26', 'Transports › Streamable HTTP › Resumability and Redelivery'),
  level: 'SHOULD',
  exercised: (trial) => resumptions(trial).length > 0,
  check(trial) {
    // The first offending reopen only: how many more follow depends on how long the session runs,
    // and a counterexample must say the same thing every time it is replayed.
    return resumptions(trial)
      .flatMap(({ lastId, next }): Violation[] => {
        const sent = headerValue(next.requestHeaders, 'last-event-id')
        if (sent === lastId) return []
        return [
          {
            property: ID,
            exchange: next.seq,
            // No request numbers: where the reopening GET falls among the session's POSTs is timing.
            message: `the GET that reopened the stream (last event id ${lastId}) came ${sent === undefined ? 'without Last-Event-ID' : `with Last-Event-ID ${sent}`}`,
          },
        ]
      })
      .slice(0, 1)
  },
}
