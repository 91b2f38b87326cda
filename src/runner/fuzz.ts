import { createHash } from 'node:crypto'
import { InputError } from '../core/errors.js'
import { registerTrialSecrets } from '../recording/output-boundary.js'
import fc from 'fast-check'
import type { ClientUnderTest } from '../clients/client-under-test.js'
import type { Property, Violation } from '../property/property.js'
import { trialInputArbitrary, type TrialInput } from '../arbitraries/trial-input.js'
import { resolveScenario } from '../scenario/resolve-scenario.js'
import { runTrial } from './run-trial.js'
import type { Trial, TrialOutcome } from '../core/trial.js'
import { coverageInputs } from '../coverage/coverage-inputs.js'
import { shrinkInput } from '../coverage/shrink-input.js'
import { dimensionsFor } from '../dimensions/dimensions.js'
import { applies } from '../dimensions/dimension.js'
import { judgeTrial, type Verdict } from '../property/judge.js'
import { cpuCount } from '../runtime/process.js'

/**
 * The search's phases, in the order they run: `coverage` (deterministic, the same inputs whatever
 * the seed: the named scenarios, OAuth base choices, pairwise rows) then `random` (fast-check,
 * `runs` inputs of the seed). The random phase is its own fast-check run, so a seed and path keep
 * replaying what they did whatever the coverage phase holds.
 */
export type Phase = 'coverage' | 'random'
export const PHASES: readonly Phase[] = ['coverage', 'random']

/** What a fuzz run counts: sessions per phase, and per client how often each dimension value was drawn. */
export interface FuzzStats {
  trials: number
  phases?: Record<Phase, number>
  /** How the sessions ended (shrinking included). */
  outcomes?: Record<TrialOutcome['kind'], number>
  /** `client: first line of the error` → trials that ended with it, so a run whose sessions fail says why. */
  clientErrors?: Record<string, number>
  /** client → dimension → value → trials that drew it (searching, not shrinking). */
  dimensions?: Record<string, Record<string, Record<string, number>>>
  /** With `failFast`: client → the property it was stopped at, and how many of its properties were not judged. */
  stoppedEarly?: Record<string, { property: string; notJudged: number }>
}

/** Random-phase trials per client when the caller does not say: the coverage phase before them carries detection, these add breadth, and the default run stays well under 15 s. */
export const DEFAULT_RUNS = 50
/** Per-trial timeout when the caller does not say. */
export const DEFAULT_TIMEOUT_MS = 5000

export interface FuzzOptions {
  clients: readonly ClientUnderTest[]
  properties: readonly Property[]
  /** Random-phase trials per client × property before shrinking (the coverage phase has its own, fixed size). */
  runs: number
  /** Which phases run; default both. A `path` replays a random-phase trial, so it implies `['random']`. */
  phases?: readonly Phase[]
  /** fast-check seed; random when absent. The same seed replays the same trials. */
  seed?: number
  /** fast-check path of a counterexample: replays just that (shrunk) trial. */
  path?: string
  /** Per-trial timeout in milliseconds. */
  timeoutMs: number
  /**
   * Trials at once while searching (real-port clients only gain from it; shrinking is one at a time).
   * Default: two per core for a session loop, one per core for other clients in other processes,
   * 1 for in-process ones.
   */
  concurrency?: number
  /** Shrink a failure to a minimal counterexample (default); off reports the first failure as found. */
  shrink?: boolean
  /**
   * Stop each client at its first unexpected violation (one not `known`): the coverage phase runs
   * until a trial breaks any property, that property alone is reported (shrunk), and the client's
   * other properties are not judged. For the slowest clients, where a verdict is all a CI job needs.
   */
  failFast?: boolean
  /** Pairs whose failure is already known (expected failures): found, not shrunk again. */
  known?: (client: string, property: string) => boolean
  /**
   * Runs only this shard's inputs: input i of the seed's sequence belongs to shard (i mod count) + 1,
   * so jobs with the same seed run disjoint trials that together are the unsharded run's.
   */
  shard?: { index: number; count: number }
  /** Counts the sessions actually run (each input runs once per client, whatever the number of properties). */
  stats?: FuzzStats
  /** Called (and awaited) after each client × property finishes. */
  onResult?: (result: PropertyResult) => void | Promise<void>
}

/** A shrunk failing trial and how to get it back. */
export interface Counterexample {
  /** The phase that found it: a coverage failure reproduces with `--phases coverage`, a random one with its seed and path. */
  phase: Phase
  seed: number
  /** fast-check path (random phase); for the coverage phase, the index of the input that failed first. */
  path: string
  /** What the coverage input was (`static-key-404-discovery × sse × none`, `auth=oauth, oauth.pkce=absent`). */
  label?: string
  /** The concrete shrunk input: config and plan, enough to re-run it whatever the arbitraries become. */
  input: TrialInput
  shrinks: number
  trial: Trial
  violations: Violation[]
}

export type { Verdict }

/** What fuzzing one client against one property found. */
export interface PropertyResult {
  client: string
  /** The client's own description (what it is, and which version), for reports a maintainer reads. */
  clientDescription?: string
  property: Property
  verdict: Verdict
  /** Trials run before shrinking, both phases. */
  runs: number
  /** Of `runs`, how many in each phase. */
  phaseRuns: Record<Phase, number>
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
    const phases = options.path !== undefined ? (['random'] as const) : (options.phases ?? PHASES)
    const coverage = phases.includes('coverage') ? coverageInputs(client).map((c) => ({ ...c.input, label: c.label })) : []
    const unexpected = (id: string) => !(options.known?.(client.name, id) ?? false)
    let properties = options.properties
    if (options.failFast && coverage.length > 0) {
      // Every trial is judged by every property: the first that breaks any unexpected one decides.
      const culprit = await firstUnexpectedViolation(client, coverage, { ...options, seed }, trials, unexpected)
      if (culprit) properties = options.properties.filter((property) => property.id === culprit)
    }
    for (const property of properties) {
      const started = performance.now()
      const result = { ...(await fuzzOne(client, property, { ...options, seed, phases }, trials, coverage)), durationMs: 0 }
      result.durationMs = Math.round(performance.now() - started)
      await options.onResult?.(result)
      results.push(result)
      if (options.failFast && result.verdict === 'violated' && unexpected(property.id)) {
        if (options.stats) (options.stats.stoppedEarly ??= {})[client.name] = { property: property.id, notJudged: options.properties.length - 1 }
        break
      }
    }
  }
  return results
}

/** The id of a property the first coverage trial that breaks an `unexpected` one breaks, if any does. */
async function firstUnexpectedViolation(
  client: ClientUnderTest,
  coverage: readonly TrialInput[],
  options: FuzzOptions & { seed: number },
  trials: Map<string, Promise<JudgedTrial>>,
  unexpected: (id: string) => boolean,
): Promise<string | undefined> {
  const culprits: string[] = []
  const index = await firstFailing(
    coverage,
    { concurrency: concurrencyFor(client, options), ...(options.shard ? { shard: options.shard } : {}) },
    async (input) => {
      const judged = await judgedTrial(client, input, options, trials, { phase: 'coverage', searching: true })
      const broken = [...(judged.failed?.violations.keys() ?? [])].filter(unexpected)
      culprits.push(...broken)
      return broken.length === 0
    },
  )
  // Of what the failing trials broke, the property listed first: the same choice on every run.
  return index === undefined ? undefined : options.properties.find((property) => culprits.includes(property.id))?.id
}

/**
 * Runs one input for a client, or finds its run in `trials` (each input runs once per client, judged
 * by every property); counts a new run in the statistics under `phase`.
 */
function judgedTrial(
  client: ClientUnderTest,
  { config, plan }: TrialInput,
  options: FuzzOptions,
  trials: Map<string, Promise<JudgedTrial>>,
  { phase, searching }: { phase: Phase; searching: boolean },
): Promise<JudgedTrial> {
  // A digest, not the JSON itself: the cache holds one short key per input however long the run.
  const key = createHash('sha1')
    .update(JSON.stringify([config, plan]))
    .digest('base64')
  let pending = trials.get(key)
  if (pending) return pending
  pending = runTrial(client, config, resolveScenario(config, plan), { timeoutMs: options.timeoutMs }).then((trial) => {
    if (options.stats) {
      const outcomes = (options.stats.outcomes ??= { completed: 0, 'client-error': 0, timeout: 0 })
      outcomes[trial.outcome.kind] += 1
      if (trial.outcome.kind === 'client-error') {
        // Its message is printed in the run's summary: the secrets it may echo must be known first.
        registerTrialSecrets(trial)
        const errors = (options.stats.clientErrors ??= {})
        const key = `${client.name}: ${trial.outcome.message.split('\n')[0]!.slice(0, 300)}`
        errors[key] = (errors[key] ?? 0) + 1
      }
    }
    return judgeAll(trial, options.properties)
  })
  trials.set(key, pending)
  if (options.stats) {
    options.stats.trials += 1
    const byPhase = (options.stats.phases ??= { coverage: 0, random: 0 })
    byPhase[phase] += 1
    if (searching) countDimensions(options.stats, client, { config, plan })
  }
  return pending
}

/**
 * Runs `inputs` (only the shard's share of them: input i belongs to shard (i mod count) + 1),
 * `concurrency` at a time, and returns the index of the first failing one, or undefined. Stops
 * starting new trials once one failed, and returns as soon as no trial of a lower index is still
 * running: one after it (a hang waiting for its timeout) finishes on its own, its result cached for
 * the next property, while this one goes on to shrink.
 */
async function firstFailing<T>(
  inputs: readonly T[],
  options: { concurrency: number; shard?: { index: number; count: number } },
  predicate: (input: T) => Promise<boolean>,
): Promise<number | undefined> {
  const shard = options.shard ?? { index: 1, count: 1 }
  const mine = inputs.map((_, i) => i).filter((i) => i % shard.count === shard.index - 1)
  let next = 0
  let found: number | undefined
  const running = new Set<number>()
  return new Promise<number | undefined>((resolve, reject) => {
    let workers = Math.min(options.concurrency, mine.length)
    const settleIfDone = () => {
      const lower = [...running].some((index) => found === undefined || index < found)
      if (found !== undefined && !lower) resolve(found)
      else if (workers === 0) resolve(found)
    }
    const worker = async () => {
      while (next < mine.length && found === undefined) {
        const index = mine[next++]!
        running.add(index)
        const held = await predicate(inputs[index]!)
        running.delete(index)
        if (!held) found = Math.min(found ?? index, index)
        settleIfDone()
      }
      workers -= 1
      settleIfDone()
    }
    if (workers === 0) resolve(undefined)
    for (let i = 0; i < workers; i++) worker().catch(reject)
  })
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
  const judgements = judgeTrial(trial, properties).filter((j) => j.verdict !== 'not-exercised')
  const violations = new Map(
    judgements.filter((j) => j.verdict === 'violated').map((j) => [j.property.id, j.violations] as const),
  )
  return {
    outcome: trial.outcome.kind,
    exercised: ` ${judgements.map((j) => j.property.id).join(' ')} `,
    ...(violations.size > 0 ? { failed: { violations, trial } } : {}),
  }
}

/**
 * Trials at once for a client: what was asked; else two per core for a session loop (its trials
 * wait on I/O: on 2 cores, 4 at once ran the SDK adapters' coverage phases 1.3–2 × faster than 2,
 * with the same timeouts, and 8 added one to the Java adapter's), one per core for a process per
 * trial (an agent CLI's start-up is CPU: 4 at once on 2 cores made opencode's and Gemini CLI's
 * trials time out), and one for an in-process client (interception is global).
 */
function concurrencyFor(client: ClientUnderTest, options: Pick<FuzzOptions, 'concurrency'>): number {
  return options.concurrency ?? (client.sessionLoop ? 2 * cpuCount() : client.outOfProcess ? cpuCount() : 1)
}

/** Counts the dimension values an input drew, for the run's statistics. */
function countDimensions(stats: FuzzStats, client: ClientUnderTest, input: TrialInput): void {
  const dimensions = dimensionsFor(client)
  const forClient = ((stats.dimensions ??= {})[client.name] ??= {})
  for (const dimension of dimensions) {
    if (!applies(dimension, input, dimensions)) continue
    const counts = (forClient[dimension.name] ??= {})
    const value = String(dimension.get(input))
    counts[value] = (counts[value] ?? 0) + 1
  }
}

async function fuzzOne(
  client: ClientUnderTest,
  property: Property,
  options: FuzzOptions & { seed: number; phases: readonly Phase[] },
  trials: Map<string, Promise<JudgedTrial>>,
  coverage: ReadonlyArray<TrialInput & { label: string }>,
): Promise<PropertyResult> {
  const outcomes: PropertyResult['outcomes'] = { completed: 0, 'client-error': 0, timeout: 0 }
  const phaseRuns: Record<Phase, number> = { coverage: 0, random: 0 }
  let phase: Phase = 'coverage'
  let exercised = 0
  let failing: { trial: Trial; violations: Violation[]; input: TrialInput } | undefined
  /** Runs (or finds the cached run of) one input; counts it while searching. */
  const judge = (input: TrialInput, searching: boolean) => judgedTrial(client, input, options, trials, { phase, searching })
  const predicate = async (input: TrialInput) => {
    // Statistics count the search, not the shrinking that follows the first failure.
    const searching = failing === undefined
    const judged = await judge(input, searching)
    if (searching) {
      phaseRuns[phase] += 1
      outcomes[judged.outcome] += 1
    }
    if (!judged.exercised.includes(` ${property.id} `)) return true
    if (searching) exercised += 1
    const violations = judged.failed?.violations.get(property.id)
    if (!violations) return true
    // fast-check only moves to a smaller input that fails too, so the last failure is the shrunk one.
    failing = { trial: judged.failed!.trial, violations, input: { config: input.config, plan: input.plan } }
    return false
  }
  const result = () => ({
    client: client.name,
    clientDescription: client.description,
    property,
    runs: phaseRuns.coverage + phaseRuns.random,
    phaseRuns,
    exercised,
    outcomes,
    seed: options.seed,
  })
  const noFailure = (): PropertyResult => ({ ...result(), verdict: exercised > 0 ? 'held' : 'not-exercised' })
  const shrinking = options.shrink !== false && !(options.known?.(client.name, property.id) ?? false)

  if (options.phases.includes('coverage')) {
    const index = await firstFailing(
      coverage,
      { concurrency: concurrencyFor(client, options), ...(options.shard ? { shard: options.shard } : {}) },
      predicate,
    )
    if (index !== undefined) {
      const found = failing!
      const shrunk = shrinking
        ? await shrinkInput(found.input, dimensionsFor(client), async (input) => !(await predicate(input)))
        : { steps: 0 }
      // The predicate keeps the last failure it saw, which is the shrunk input's.
      const counterexample: Counterexample = {
        phase: 'coverage',
        seed: options.seed,
        path: String(index),
        label: coverage[index]!.label,
        shrinks: shrunk.steps,
        ...failing!,
      }
      return { ...result(), verdict: 'violated', counterexample }
    }
  }
  if (!options.phases.includes('random')) return noFailure()

  phase = 'random'
  const arbitrary = trialInputArbitrary(client.transports, {
    oauthClientId: client.acceptsOAuthClientId !== false,
    ...(client.configurableHeaders ? { configurableHeaders: client.configurableHeaders } : {}),
  })
  let path = options.path
  if (path === undefined && (concurrencyFor(client, options) > 1 || (options.shard && options.shard.count > 1))) {
    const inputs = fc.sample(arbitrary, { seed: options.seed, numRuns: options.runs })
    const index = await firstFailing(
      inputs,
      { concurrency: concurrencyFor(client, options), ...(options.shard ? { shard: options.shard } : {}) },
      predicate,
    )
    if (index === undefined) return noFailure()
    // Shrink from that input one trial at a time: fast-check replays run `index` and goes on from there.
    path = String(index)
  }
  const unfit = () =>
    new InputError(
      `path ${path} does not fit seed ${options.seed} for ${client.name} × ${property.id}: give one printed with a counterexample of this seed (fast-check could not replay it)`,
    )
  // Through a promise: fast-check throws a path it cannot walk synchronously.
  const details = await Promise.resolve()
    .then(() => fc.check(fc.asyncProperty(arbitrary, predicate), {
      numRuns: options.runs,
      seed: options.seed,
      endOnFailure: !shrinking,
      ...(path === undefined ? {} : { path }),
    }))
    .catch((error: unknown) => {
      // A path from elsewhere (a flag, an expected-failures file) that this seed's tree does not have.
      if (error instanceof Error && error.message.startsWith('Unable to replay')) throw unfit()
      throw error
    })
  if (path !== undefined && options.path !== undefined && details.numRuns === 0 && !details.failed) throw unfit()
  if (details.failed && failing && details.counterexamplePath !== null) {
    const counterexample: Counterexample = {
      phase: 'random',
      seed: details.seed,
      path: details.counterexamplePath,
      shrinks: details.numShrinks,
      ...failing,
    }
    return { ...result(), seed: details.seed, verdict: 'violated', counterexample }
  }
  if (details.failed && /Unable to replay/i.test(String(details.errorInstance ?? ''))) throw unfit()
  if (details.failed) {
    // The predicate threw: a harness bug, not a property verdict. Surface it loudly.
    throw new Error(`fuzzing ${client.name} × ${property.id} failed inside the harness: ${String(details.errorInstance)}`)
  }
  return noFailure()
}
