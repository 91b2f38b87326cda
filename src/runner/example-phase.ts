import { shrinkInput } from '../coverage/shrink-input.js'
import { dimensionsFor } from '../dimensions/dimensions.js'
import { concurrencyFor, firstFailing } from './first-failing.js'
import type { Counterexample, ExampleReplay, FuzzOptions, StoredExample } from './fuzz-types.js'
import type { PropertySearch } from './property-search.js'
import type { TrialCache } from './trial-cache.js'

/**
 * Runs every stored example of a client once, judged by every property of the run (the trials are
 * cached, so each property's search below finds them run), and says how each fared.
 *
 * @example
 * const replays = await replayExamples(cache, examples, options)
 * const stillFailing = replays.filter((replay) => replay.violated.length > 0)
 */
export async function replayExamples(
  cache: TrialCache,
  examples: readonly StoredExample[],
  options: Pick<FuzzOptions, 'concurrency'>,
): Promise<ExampleReplay[]> {
  const replays: ExampleReplay[] = []
  // A predicate that always holds runs every input, `concurrency` at a time.
  await firstFailing(examples, { concurrency: concurrencyFor(cache.client, options) }, async (example) => {
    const judged = await cache.judged(example.input, { phase: 'examples', searching: false })
    replays.push({
      example,
      violated: [...(judged.failed?.violations.keys() ?? [])],
      ownExercised: judged.exercised.includes(` ${example.property} `),
    })
    return true
  })
  return examples.map((example) => replays.find((replay) => replay.example === example)!)
}

/**
 * The example phase of one client × property: the first stored example that violates the property
 * decides it. The example is shrunk only when it was saved for another property (one saved for this
 * property was shrunk when it was found). Undefined when every example held.
 *
 * @example
 * const found = await examplePhase(search, examples, options, true)
 */
export async function examplePhase(
  search: PropertySearch,
  examples: readonly StoredExample[],
  options: { seed: number },
  shrinking: boolean,
): Promise<Counterexample | undefined> {
  search.phase = 'examples'
  for (const example of examples) {
    if (await search.holds(example.input)) continue
    const shrunk =
      shrinking && example.property !== search.property.id
        ? await shrinkInput(
            search.failing!.input,
            dimensionsFor(search.cache.client),
            async (input) => !(await search.holds(input)),
          )
        : { steps: 0 }
    return { phase: 'example', seed: options.seed, path: '0', label: example.file, shrinks: shrunk.steps, ...search.failing! }
  }
  return undefined
}
