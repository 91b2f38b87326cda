import type { RecordedExchange } from '../recording/recording.js'
import { firstDifference, KEY_FIELDS, requestKey, type KeyField, type RequestKey } from './request-key.js'

export interface Candidate {
  exchange: RecordedExchange
  key: RequestKey
}

/** Why a live request found no recorded answer: the closest recording and the first field that differed. */
export interface Mismatch {
  live: RequestKey
  closest?: { seq: number; field: KeyField; recorded: unknown; live: unknown }
}

/**
 * The recorded exchanges a replay can answer from, with the rule for repeats: identical requests
 * get the recorded answers in order, and the last one repeats.
 */
export class RecordedIndex {
  private readonly candidates: Candidate[]
  private readonly used = new Set<number>()

  constructor(exchanges: readonly RecordedExchange[]) {
    this.candidates = exchanges
      .filter((exchange) => exchange.response !== undefined)
      .map((exchange) => ({ exchange, key: requestKey(exchange.request.method, exchange.request.url, exchange.request.json) }))
  }

  /** The recorded exchange that answers this live request, or why none does. */
  take(live: RequestKey): Candidate | Mismatch {
    const matching = this.candidates.filter((c) => firstDifference(c.key, live) === undefined)
    const next = matching.find((c) => !this.used.has(c.exchange.seq)) ?? matching[matching.length - 1]
    if (next) {
      this.used.add(next.exchange.seq)
      return next
    }
    return { live, ...this.closest(live) }
  }

  private closest(live: RequestKey): Pick<Mismatch, 'closest'> {
    let best: { candidate: Candidate; field: KeyField; depth: number } | undefined
    for (const candidate of this.candidates) {
      const field = firstDifference(candidate.key, live)!
      const depth = KEY_FIELDS.indexOf(field)
      if (!best || depth > best.depth) best = { candidate, field, depth }
    }
    if (!best) return {}
    const { candidate, field } = best
    return { closest: { seq: candidate.exchange.seq, field, recorded: candidate.key[field], live: live[field] } }
  }
}

export function isMismatch(result: Candidate | Mismatch): result is Mismatch {
  return 'live' in result
}
