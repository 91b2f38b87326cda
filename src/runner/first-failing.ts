import type { ClientUnderTest } from '../clients/client-under-test.js'
import { cpuCount } from '../runtime/process.js'
import type { FuzzOptions } from './fuzz-types.js'

/**
 * Trials at once for a client: what was asked; else two per core for a session loop (its trials
 * wait on I/O: on 2 cores, 4 at once ran the SDK adapters' coverage phases 1.3–2 × faster than 2,
 * with the same timeouts, and 8 added one to the Java adapter's), one per core for a process per
 * trial (an agent CLI's start-up is CPU: 4 at once on 2 cores made opencode's and Gemini CLI's
 * trials time out), and one for an in-process client (interception is global).
 */
/**
 * In-process trials at once: their sessions share one thread, so more than one gains nothing
 * (measured: the main command 61 s at 1, 74 s at 4). Sessions held open (`keepOpen`) run beside
 * them without taking a place (`firstFailing`'s `waits`).
 */
const IN_PROCESS_CONCURRENCY = 1

export function concurrencyFor(client: ClientUnderTest, options: Pick<FuzzOptions, 'concurrency'>): number {
  return options.concurrency ?? (client.sessionLoop ? 2 * cpuCount() : client.outOfProcess ? cpuCount() : IN_PROCESS_CONCURRENCY)
}

/**
 * Runs `inputs` (only the shard's share of them: input i belongs to shard (i mod count) + 1),
 * `concurrency` at a time, and returns the index of the first failing one, or undefined. Stops
 * starting new trials once one failed, and returns as soon as no trial of a lower index is still
 * running: one after it (a hang waiting for its timeout) finishes on its own, its result cached for
 * the next property, while this one goes on to shrink. An input `waits` says mostly waits (a session
 * held open) runs beside the others without taking one of the `concurrency` places: trials that
 * work keep the pace they have alone, and the held ones cost little more than their longest hold.
 */
export async function firstFailing<T>(
  inputs: readonly T[],
  options: { concurrency: number; shard?: { index: number; count: number }; waits?: (input: T) => boolean },
  predicate: (input: T) => Promise<boolean>,
): Promise<number | undefined> {
  const shard = options.shard ?? { index: 1, count: 1 }
  const mine = inputs.map((_, i) => i).filter((i) => i % shard.count === shard.index - 1)
  let next = 0
  let working = 0
  let found: number | undefined
  const running = new Set<number>()
  return new Promise<number | undefined>((resolve, reject) => {
    const settleIfDone = () => {
      const lower = [...running].some((index) => found === undefined || index < found)
      if (found !== undefined && !lower) resolve(found)
      else if (running.size === 0 && (found !== undefined || next >= mine.length)) resolve(found)
    }
    // In order: the next input starts when a place is free, or at once when it only waits.
    const launch = () => {
      while (next < mine.length && found === undefined) {
        const index = mine[next]!
        const waiting = options.waits?.(inputs[index]!) === true
        if (!waiting && working >= options.concurrency) return
        next += 1
        if (!waiting) working += 1
        running.add(index)
        predicate(inputs[index]!).then((held) => {
          running.delete(index)
          if (!waiting) working -= 1
          if (!held) found = Math.min(found ?? index, index)
          launch()
          settleIfDone()
        }, reject)
      }
    }
    launch()
    settleIfDone()
  })
}
