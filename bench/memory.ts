import { PROPERTIES } from '../properties/index.js'
import type { ClientUnderTest } from '../src/clients/client-under-test.js'
import { fuzz } from '../src/runner/fuzz.js'

/** Heap in use after a full collection (node --expose-gc), in MB; without gc exposed, as it stands. */
function heapMb(): number {
  ;(globalThis as { gc?: () => void }).gc?.()
  return process.memoryUsage().heapUsed / 2 ** 20
}

/**
 * Fuzzes `client` against every property for `trials` trials and samples the heap as the count
 * grows: flat means the traffic of passing trials is not kept.
 */
export async function memoryAfterTrials(
  client: ClientUnderTest,
  trials: number,
  seed: number,
): Promise<Array<{ trials: number; heapMb: number }>> {
  const stats = { trials: 0 }
  const marks = [1000, Math.round(trials / 2)]
  const samples: Array<{ trials: number; heapMb: number }> = [{ trials: 0, heapMb: heapMb() }]
  const timer = setInterval(() => {
    const next = marks[0]
    if (next !== undefined && stats.trials >= next) {
      marks.shift()
      samples.push({ trials: stats.trials, heapMb: heapMb() })
    }
  }, 20)
  // The first property runs every input; the others reuse its judgements. Sampled when it is done,
  // with the judgement cache still alive, as at the end of any long run.
  let first = true
  await fuzz({
    clients: [client],
    properties: PROPERTIES,
    runs: trials,
    seed,
    timeoutMs: 5000,
    stats,
    shrink: false,
    onResult: () => {
      if (first) samples.push({ trials: stats.trials, heapMb: heapMb() })
      first = false
    },
  })
  clearInterval(timer)
  return samples
}
