import type { Exchange } from '../core/exchange.js'

/** A request that left the expected order: the exchange and what was expected in its place (undefined: nothing, a 200 had ended the round). */
export interface OutOfOrder {
  exchange: Exchange
  url: string
  expected: string | undefined
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
    const expected = found ? undefined : order[position]
    position += 1
    if (ends(exchange)) found = true
    return expected !== undefined && same(url, expected) ? [] : [{ exchange, url, expected }]
  })
}
