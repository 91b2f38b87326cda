import { InProcessNetwork } from '../network/in-process-network.js'
import { restoreConsole } from '../runtime/client-console.js'
import { restoreClientFaults } from '../runtime/client-faults.js'

/** Library calls running now: the process is restored when the last one ends, not under another's trials. */
let running = 0

/**
 * Runs a library call (`fuzzClient`) and, when it resolves or rejects, puts back what its trials
 * patched: `globalThis.fetch` (the interception is disabled), the console methods, `process.exit`
 * and the uncaught-exception listener. A later `fetch` in the same process behaves as if the call
 * had never run.
 *
 * @example
 * const results = await leavingNoTrace(() => runFuzz(options))
 */
export async function leavingNoTrace<T>(body: () => Promise<T>): Promise<T> {
  running += 1
  try {
    return await body()
  } finally {
    running -= 1
    if (running === 0) {
      await InProcessNetwork.disposeShared()
      // Checked again: another call may have started while the network wound down.
      if (running === 0) {
        restoreConsole()
        restoreClientFaults()
      }
    }
  }
}
