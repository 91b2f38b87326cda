import type { Exchange } from '../core/exchange.js'

/** A request that left the expected order: the exchange and what was expected in its place. */
export interface OutOfOrder {
  exchange: Exchange
  url: string
  /** The location expected instead; undefined when nothing was: a 200 had ended the round, or the list had. */
  expected: string | undefined
  /** Why nothing was expected: `found` (a 200 ended the round) or `exhausted` (every location was asked). */
  because?: 'found' | 'exhausted'
}

/** The message part for what was expected instead of a probe. */
export function expectedText({ expected, because }: OutOfOrder): string {
  if (expected !== undefined) return expected
  return because === 'found' ? 'no further request after a 200' : 'no further request: every location on the list had been asked'
}

/**
 * Checks metadata probes against a priority list: each discovery round starts at the list's first
 * URL, follows the list in order, and stops at the first 200. Used for PRM and AS metadata discovery.
 */
export function outOfOrderProbes(
  probes: readonly Exchange[],
  order: readonly string[],
  same: (requested: string, expected: string) => boolean = (a, b) => a === b,
  /** Whether a 200 ends the search; one a client may rightly reject (a PRM for another resource) does not. */
  ends: (exchange: Exchange) => boolean = (exchange) => exchange.status === 200,
): OutOfOrder[] {
  let position = 0
  let found = false
  return probes.flatMap((exchange) => {
    const url = exchange.url.split('?')[0]!
    if (same(url, order[0]!)) {
      position = 0 // a new discovery round
      found = false
    }
    const wasFound = found
    const expected = found ? undefined : order[position]
    // The next expected location follows where the client actually is in the list: after a skipped
    // step, the step after the one it took (not the one after the step it skipped); a location off
    // the list moves nothing.
    const at = order.findIndex((candidate) => same(url, candidate))
    if (at >= 0) position = at + 1
    if (ends(exchange)) found = true
    if (expected !== undefined && same(url, expected)) return []
    return [
      {
        exchange,
        url,
        expected,
        ...(expected === undefined ? { because: wasFound ? ('found' as const) : ('exhausted' as const) } : {}),
      },
    ]
  })
}
