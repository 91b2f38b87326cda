import type { TrialInput } from '../core/trial-input.js'
import { shrinkInput } from '../coverage/shrink-input.js'
import { dimensionsFor } from '../dimensions/dimensions.js'
import { concurrencyFor, firstFailing } from './first-failing.js'
import type { Counterexample, FuzzOptions } from './fuzz-types.js'
import type { PropertySearch } from './property-search.js'

/**
 * The coverage phase of one client × property: the client's coverage inputs (the same on every run,
 * most telling first) until one fails, then that input shrunk dimension by dimension. Undefined
 * when every input held.
 *
 * @example
 * const found = await coveragePhase(search, coverage, options, true)
 */
export async function coveragePhase(
  search: PropertySearch,
  coverage: ReadonlyArray<TrialInput & { label: string }>,
  options: Pick<FuzzOptions, 'concurrency' | 'shard'> & { seed: number },
  shrinking: boolean,
): Promise<Counterexample | undefined> {
  const { client } = search.cache
  search.phase = 'coverage'
  const index = await firstFailing(
    coverage,
    {
      concurrency: concurrencyFor(client, options),
      ...(options.shard ? { shard: options.shard } : {}),
      // A session held open mostly waits: it runs beside the others.
      waits: (input) => (input.config.keepOpenMs ?? 0) > 0,
    },
    search.holds,
  )
  if (index === undefined) return undefined
  // Trials side by side: a later input may have failed last. The first failing one is the one
  // reported and shrunk (its judgement is cached, so this runs nothing again).
  const first = coverage[index]!
  if (search.failing?.input.config !== first.config || search.failing.input.plan !== first.plan) await search.holds(first)
  const shrunk = shrinking
    ? await shrinkInput(search.failing!.input, dimensionsFor(client), async (input) => !(await search.holds(input)))
    : { steps: 0 }
  // The search keeps the last failure it saw, which is the shrunk input's.
  return {
    phase: 'coverage',
    seed: options.seed,
    path: String(index),
    label: coverage[index]!.label,
    shrinks: shrunk.steps,
    ...search.failing!,
  }
}
