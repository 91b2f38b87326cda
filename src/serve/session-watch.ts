import type { TrafficLog } from '../traffic/traffic-log.js'
import { jsonRpcMethod, type Exchange } from '../core/exchange.js'

/** A session counts as over once it started and then was quiet this long, with nothing open. */
const QUIET_MS = 1000
const POLL_MS = 100

export interface WatchOptions {
  /** Stop after the first session closes (DELETE answered, or quiet with no open stream). */
  once: boolean
  /** Stop after this many seconds. */
  durationSeconds?: number
  /** Resolves when the user interrupts (Ctrl-C). */
  interrupted: Promise<void>
  /** Called once per exchange when its response (or failure) is known: the live transcript. */
  onExchange(exchange: Exchange): void
}

/**
 * Watches a served session's traffic log, reports each exchange as it completes, and resolves
 * when the session should end: on interrupt, after the duration, or (with `once`) when the first
 * session is over.
 */
export function watchSession(log: TrafficLog, options: WatchOptions): Promise<'interrupted' | 'duration' | 'session-closed'> {
  return new Promise((resolve) => {
    const reported = new Set<number>()
    let lastActivity = performance.now()
    let seen = 0
    const finish = (why: 'interrupted' | 'duration' | 'session-closed') => {
      clearInterval(poll)
      clearTimeout(timer)
      resolve(why)
    }
    const timer =
      options.durationSeconds === undefined ? undefined : setTimeout(() => finish('duration'), options.durationSeconds * 1000)
    void options.interrupted.then(() => finish('interrupted'))
    const poll = setInterval(() => {
      const exchanges = log.exchanges
      if (exchanges.length !== seen) {
        seen = exchanges.length
        lastActivity = performance.now()
      }
      for (const exchange of exchanges) {
        if (reported.has(exchange.seq) || (exchange.status === undefined && exchange.error === undefined)) continue
        reported.add(exchange.seq)
        lastActivity = performance.now()
        options.onExchange(exchange)
      }
      if (!options.once) return
      const started = exchanges.some((e) => jsonRpcMethod(e.requestBody) === 'initialize')
      const deleted = exchanges.some((e) => e.method === 'DELETE' && e.status !== undefined)
      const busy = log.openStreamCount() > 0 || exchanges.some((e) => e.status === undefined && e.error === undefined)
      if (started && (deleted || (!busy && performance.now() - lastActivity >= QUIET_MS))) finish('session-closed')
    }, POLL_MS)
  })
}
