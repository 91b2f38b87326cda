import type { TrialInput } from '../core/trial-input.js'
import { coverageInputs } from '../coverage/coverage-inputs.js'
import type { Property } from '../property/property.js'
import { coveragePhase } from './coverage-phase.js'
import { examplePhase, replayExamples } from './example-phase.js'
import { concurrencyFor, firstFailing } from './first-failing.js'
import { PHASES, type FuzzOptions, type Phase, type PropertyResult, type StoredExample } from './fuzz-types.js'
import { PropertySearch } from './property-search.js'
import { randomPhase } from './random-phase.js'
import { TrialCache } from './trial-cache.js'

export {
  DEFAULT_RUNS,
  DEFAULT_TIMEOUT_MS,
  PHASES,
  type Counterexample,
  type ExampleReplay,
  type FuzzOptions,
  type FuzzStats,
  type Phase,
  type PropertyResult,
  type StoredExample,
  type Verdict,
} from './fuzz-types.js'

/**
 * Property-tests each client against each property with fast-check: random ClientConfig ×
 * Scenario trials, each a real session against the mock server, shrunk to a minimal
 * counterexample on failure.
 *
 * @example
 * const results = await fuzz({ clients: SDK_CLIENTS, properties: PROPERTIES, runs: 100, timeoutMs: 5000 })
 * const failed = results.some((r) => r.verdict === 'violated')
 */
export async function fuzz(options: FuzzOptions): Promise<PropertyResult[]> {
  const results: PropertyResult[] = []
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31)
  for (const client of options.clients) {
    const cache = new TrialCache(client, options)
    const phases = options.path !== undefined ? (['random'] as const) : (options.phases ?? PHASES)
    const coverage = phases.includes('coverage') ? coverageInputs(client).map((c) => ({ ...c.input, label: c.label })) : []
    const unexpected = (id: string) => !(options.known?.(client.name, id) ?? false)
    // The example database first: what an earlier run found is judged again before anything new.
    const replaying = options.path === undefined && (options.shard?.index ?? 1) === 1
    const examples = replaying ? (options.examples?.(client) ?? []) : []
    const replays = examples.length > 0 ? await replayExamples(cache, examples, options) : []
    if (options.stats && replays.length > 0) (options.stats.exampleReplays ??= {})[client.name] = replays
    let properties = options.properties
    // With failFast, a stored example that breaks an unexpected property decides before the coverage phase.
    const exampleCulprit = options.failFast
      ? options.properties.find((p) => unexpected(p.id) && replays.some((replay) => replay.violated.includes(p.id)))
      : undefined
    if (exampleCulprit) properties = [exampleCulprit]
    else if (options.failFast && coverage.length > 0) {
      // Every trial is judged by every property: the first that breaks any unexpected one decides.
      const culprit = await firstUnexpectedViolation(cache, coverage, { ...options, seed }, unexpected)
      if (culprit) properties = options.properties.filter((property) => property.id === culprit)
    }
    for (const property of properties) {
      options.signal?.throwIfAborted()
      const started = performance.now()
      const result = { ...(await fuzzOne(cache, property, { ...options, seed, phases }, examples, coverage)), durationMs: 0 }
      result.durationMs = Math.round(performance.now() - started)
      await options.onResult?.(result)
      results.push(result)
      if (options.failFast && result.verdict === 'violated' && unexpected(property.id)) {
        if (options.stats)
          (options.stats.stoppedEarly ??= {})[client.name] = { property: property.id, notJudged: options.properties.length - 1 }
        break
      }
    }
  }
  return results
}

/** The id of a property the first coverage trial that breaks an `unexpected` one breaks, if any does. */
async function firstUnexpectedViolation(
  cache: TrialCache,
  coverage: readonly TrialInput[],
  options: FuzzOptions & { seed: number },
  unexpected: (id: string) => boolean,
): Promise<string | undefined> {
  const culprits: string[] = []
  const index = await firstFailing(
    coverage,
    { concurrency: concurrencyFor(cache.client, options), ...(options.shard ? { shard: options.shard } : {}) },
    async (input) => {
      const judged = await cache.judged(input, { phase: 'coverage', searching: true })
      const broken = [...(judged.failed?.violations.keys() ?? [])].filter(unexpected)
      culprits.push(...broken)
      return broken.length === 0
    },
  )
  // Of what the failing trials broke, the property listed first: the same choice on every run.
  return index === undefined ? undefined : options.properties.find((property) => culprits.includes(property.id))?.id
}

/** One client × property: the stored examples, the coverage phase, then the random phase, each only if the one before found nothing. */
async function fuzzOne(
  cache: TrialCache,
  property: Property,
  options: FuzzOptions & { seed: number; phases: readonly Phase[] },
  examples: readonly StoredExample[],
  coverage: ReadonlyArray<TrialInput & { label: string }>,
): Promise<PropertyResult> {
  const search = new PropertySearch(property, cache, options.seed)
  // A known failure (an expected one) is found again, not shrunk again.
  const shrinking = options.shrink !== false && !(options.known?.(cache.client.name, property.id) ?? false)
  const found =
    (examples.length > 0 ? await examplePhase(search, examples, options, shrinking) : undefined) ??
    (options.phases.includes('coverage') ? await coveragePhase(search, coverage, options, shrinking) : undefined) ??
    (options.phases.includes('random') ? await randomPhase(search, options, shrinking) : undefined)
  // A stopped run's trials end early: what they show is no verdict.
  options.signal?.throwIfAborted()
  return found ? { ...search.result(), seed: found.seed, verdict: 'violated', counterexample: found } : search.noFailure()
}
