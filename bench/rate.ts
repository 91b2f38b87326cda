/** Seconds each measured row runs (BENCH_SECONDS overrides). */
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 3)

/**
 * Runs `work` after a warm-up for SECONDS, `parallel` at a time, and reports how many completed
 * per second.
 */
export async function rate(
  work: () => Promise<void>,
  options: { parallel?: number; warmUp?: number } = {},
): Promise<{ count: number; perSecond: number }> {
  for (let i = 0; i < (options.warmUp ?? 30); i++) await work()
  const started = performance.now()
  let count = 0
  const worker = async () => {
    while (performance.now() - started < SECONDS * 1000) {
      await work()
      count += 1
    }
  }
  await Promise.all(Array.from({ length: options.parallel ?? 1 }, worker))
  return { count, perSecond: count / ((performance.now() - started) / 1000) }
}
