import { createHash } from 'node:crypto'
import fc from 'fast-check'
import type { ClientUnderTest } from '../clients/client-under-test.js'
import type { Property, Violation } from '../property/property.js'
import { trialInputArbitrary, type TrialInput } from '../arbitraries/trial-input.js'
import { resolveScenario } from '../scenario/resolve-scenario.js'
import { runTrial } from './run-trial.js'
import type { Trial, TrialOutcome } from './trial.js'

/** Trials per client × property when the caller does not say. */
export const DEFAULT_RUNS = 100
/** Per-trial timeout when the caller does not say. */
export const DEFAULT_TIMEOUT_MS = 5000

export interface FuzzOptions {
  clients: readonly ClientUnderTest[]
  properties: readonly Property[]
  /** Trials per client × property before shrinking. */
  runs: number
  /** fast-check seed; random when absent. The same seed replays the same trials. */
  seed?: number
  /** fast-check path of a counterexample: replays just that (shrunk) trial. */
  path?: string
  /** Per-trial timeout in milliseconds. */
  timeoutMs: number
  /** Trials at once while searching (real-port clients only gain from it; shrinking is one at a time). */
  concurrency?: number
  /** Shrink a failure to a minimal counterexample (default); off reports the first failure as found. */
  shrink?: boolean
  /** Pairs whose failure is already known (expected failures): found, not shrunk again. */
  known?: (client: string, property: string) => boolean
  /**
   * Runs only this shard's inputs: input i of the seed's sequence belongs to shard (i mod count) + 1,
   * so jobs with the same seed run disjoint trials that together are the unsharded run's.
   */
  shard?: { index: number; count: number }
  /** Counts the sessions actually run (each input runs once per client, whatever the number of properties). */
  stats?: { trials: number }
  /** Called (and awaited) after each client × property finishes. */
  onResult?: (result: PropertyResult) => void | Promise<void>
}

/** A shrunk failing trial and how to get it back. */
export interface Counterexample {
  seed: number
  path: string
  shrinks: number
  trial: Trial
  violations: Violation[]
}

export type Verdict = 'held' | 'violated' | 'not-exercised'

/** What fuzzing one client against one property found. */
export interface PropertyResult {
  client: string
  property: Property
  verdict: Verdict
  /** Trials run before shrinking. */
  runs: number
  /** Of those, trials whose traffic gave the property something to judge. */
  exercised: number
  outcomes: Record<TrialOutcome['kind'], number>
  seed: number
  counterexample?: Counterexample
  /** Wall time of this client × property, shrinking included (trials shared with earlier properties cost nothing here). */
  durationMs?: number
}

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
    // The same seed gives every property of a client the same inputs: each trial runs once and is
    // judged by every property at once; only its judgements are kept, and its traffic only when a
    // property failed on it, so memory stays flat however many trials pass.
    const trials = new Map<string, Promise<JudgedTrial>>()
    for (const property of options.properties) {
      const started = performance.now()
      const result = { ...(await fuzzOne(client, property, { ...options, seed }, trials)), durationMs: 0 }
      result.durationMs = Math.round(performance.now() - started)
      await options.onResult?.(result)
      results.push(result)
    }
  }
  return results
}

/**
 * Runs the first `runs` inputs of the seed (fast-check's own sequence: `fc.sample` with the same
 * seed yields the same inputs in the same order), only the shard's share of them, `concurrency` at
 * a time, and returns the index of the first failing one, or undefined. Stops starting new trials
 * once one failed.
 */
async function searchInParallel<T>(
  arbitrary: fc.Arbitrary<T>,
  options: { seed: number; runs: number; concurrency: number; shard?: { index: number; count: number } },
  predicate: (input: T) => Promise<boolean>,
): Promise<number | undefined> {
  const inputs = fc.sample(arbitrary, { seed: options.seed, numRuns: options.runs })
  const shard = options.shard ?? { index: 1, count: 1 }
  const mine = inputs.map((_, i) => i).filter((i) => i % shard.count === shard.index - 1)
  let next = 0
  let firstFailure: number | undefined
  const worker = async () => {
    while (next < mine.length && firstFailure === undefined) {
      const index = mine[next++]!
      if (!(await predicate(inputs[index]!))) firstFailure = Math.min(firstFailure ?? index, index)
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, worker))
  return firstFailure
}

/**
 * What is kept of one trial: how it ended, which properties it exercised, and only when one failed,
 * the violations and the traffic. A passing trial costs a few hundred bytes.
 */
interface JudgedTrial {
  outcome: TrialOutcome['kind']
  /** Ids of the properties the trial exercised, joined by spaces (one string, not a structure per property). */
  exercised: string
  failed?: { violations: Map<string, Violation[]>; trial: Trial }
}

function judgeAll(trial: Trial, properties: readonly Property[]): JudgedTrial {
  const exercised = properties.filter((p) => p.exercised(trial))
  const violations = new Map(exercised.map((p) => [p.id, p.check(trial)] as const).filter(([, v]) => v.length > 0))
  return {
    outcome: trial.outcome.kind,
    exercised: ` ${exercised.map((p) => p.id).join(' ')} `,
    ...(violations.size > 0 ? { failed: { violations, trial } } : {}),
  }
}

async function fuzzOne(
  client: ClientUnderTest,
  property: Property,
  options: FuzzOptions & { seed: number },
  trials: Map<string, Promise<JudgedTrial>>,
): Promise<PropertyResult> {
  const outcomes: PropertyResult['outcomes'] = { completed: 0, 'client-error': 0, timeout: 0 }
  let runs = 0
  let exercised = 0
  let failing: { trial: Trial; violations: Violation[] } | undefined
  const arbitrary = trialInputArbitrary(client.transports, { oauthClientId: client.acceptsOAuthClientId !== false })
  const predicate = async ({ config, plan }: TrialInput) => {
    // A digest, not the JSON itself: the cache holds one short key per input however long the run.
    const key = createHash('sha1')
      .update(JSON.stringify([config, plan]))
      .digest('base64')
    let pending = trials.get(key)
    if (!pending) {
      pending = runTrial(client, config, resolveScenario(config, plan), { timeoutMs: options.timeoutMs }).then((trial) =>
        judgeAll(trial, options.properties),
      )
      trials.set(key, pending)
      if (options.stats) options.stats.trials += 1
    }
    const judged = await pending
    // Statistics count the search, not the shrinking that follows the first failure.
    const searching = failing === undefined
    if (searching) {
      runs += 1
      outcomes[judged.outcome] += 1
    }
    if (!judged.exercised.includes(` ${property.id} `)) return true
    if (searching) exercised += 1
    const violations = judged.failed?.violations.get(property.id)
    if (!violations) return true
    const trial = judged.failed!.trial
    // fast-check only moves to a smaller input that fails too, so the last failure is the shrunk one.
    failing = { trial, violations }
    return false
  }
  let path = options.path
  if (path === undefined && ((options.concurrency ?? 1) > 1 || (options.shard && options.shard.count > 1))) {
    const index = await searchInParallel(
      arbitrary,
      {
        seed: options.seed,
        runs: options.runs,
        concurrency: options.concurrency ?? 1,
        ...(options.shard ? { shard: options.shard } : {}),
      },
      predicate,
    )
    if (index === undefined)
      return {
        client: client.name,
        property,
        runs,
        exercised,
        outcomes,
        seed: options.seed,
        verdict: exercised > 0 ? 'held' : 'not-exercised',
      }
    // Shrink from that input one trial at a time: fast-check replays run `index` and goes on from there.
    path = String(index)
  }
  const details = await fc.check(fc.asyncProperty(arbitrary, predicate), {
    numRuns: options.runs,
    seed: options.seed,
    endOnFailure: options.shrink === false || (options.known?.(client.name, property.id) ?? false),
    ...(path === undefined ? {} : { path }),
  })
  const base = { client: client.name, property, runs, exercised, outcomes, seed: details.seed }
  if (details.failed && failing && details.counterexamplePath !== null) {
    const counterexample = { seed: details.seed, path: details.counterexamplePath, shrinks: details.numShrinks, ...failing }
    return { ...base, verdict: 'violated', counterexample }
  }
  if (details.failed) {
    // The predicate threw: a harness bug, not a property verdict. Surface it loudly.
    throw new Error(`fuzzing ${client.name} × ${property.id} failed inside the harness: ${String(details.errorInstance)}`)
  }
  return { ...base, verdict: exercised > 0 ? 'held' : 'not-exercised' }
}
