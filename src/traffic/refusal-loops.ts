import { jsonRpcMethod, type Exchange } from '../core/exchange.js'

/** What a refused request asked for: the GET stream, a DELETE, or a POST by its JSON-RPC method. */
export function requestKind(exchange: Exchange): string {
  if (exchange.method === 'GET') return 'the GET stream'
  if (exchange.method === 'DELETE') return 'the session DELETE'
  return `${exchange.method} ${jsonRpcMethod(exchange.requestBody) ?? '(no JSON-RPC method)'}`
}

/** A request of one kind refused again and again, each time after the client got a new token. */
export interface RefusalLoop {
  kind: string
  /** The refused requests, from the first to the one that made it a loop. */
  refusals: Exchange[]
}

/**
 * Loops by their shape: the same kind of request, refused, sent again after a new token was
 * issued, and refused again, `times` times in a row. However short the session, a client doing
 * this gains nothing by the new token and will go on as long as the session lasts.
 *
 * @example
 * refusalLoops(refusedExchanges, tokenTicks, 3) // [{ kind: 'the GET stream', refusals: [#9, #13, #17, #21] }]
 */
export function refusalLoops(refused: readonly Exchange[], tokenTicks: readonly number[], times: number): RefusalLoop[] {
  const byKind = new Map<string, Exchange[]>()
  for (const exchange of refused) byKind.set(requestKind(exchange), [...(byKind.get(requestKind(exchange)) ?? []), exchange])
  const loops: RefusalLoop[] = []
  for (const [kind, exchanges] of byKind) {
    let streak: Exchange[] = []
    for (const exchange of exchanges) {
      const previous = streak.at(-1)
      const renewed =
        previous?.responseTick !== undefined &&
        tokenTicks.some((tick) => tick > previous.responseTick! && tick < exchange.requestTick)
      streak = renewed ? [...streak, exchange] : [exchange]
      if (streak.length === times + 1) {
        loops.push({ kind, refusals: streak })
        break
      }
    }
  }
  return loops
}
