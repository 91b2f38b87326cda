import { createHash } from 'node:crypto'
import type { TrialInput } from '../core/trial-input.js'
import type { ClientUnderTest } from '../clients/client-under-test.js'
import type { Trial, TrialOutcome } from '../core/trial.js'
import { dimensionsFor } from '../dimensions/dimensions.js'
import { applies } from '../dimensions/dimension.js'
import { judgeTrial } from '../property/judge.js'
import type { Property, Violation } from '../property/property.js'
import { registerTrialSecrets } from '../recording/output-boundary.js'
import { resolveScenario } from '../scenario/resolve-scenario.js'
import type { FuzzOptions, FuzzStats, Phase } from './fuzz-types.js'
import { runTrial } from './run-trial.js'

/**
 * What is kept of one trial: how it ended, which properties it exercised, and only when one failed,
 * the violations and the traffic. A passing trial costs a few hundred bytes.
 */
export interface JudgedTrial {
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

/**
 * A client's trials, each input run once and judged by every property at once (the same seed gives
 * every property of a client the same inputs); only the judgements are kept, and the traffic only
 * when a property failed on it, so memory stays flat however many trials pass.
 *
 * @example
 * const cache = new TrialCache(client, options)
 * const judged = await cache.judged(input, { phase: 'coverage', searching: true })
 */
export class TrialCache {
  readonly #trials = new Map<string, Promise<JudgedTrial>>()

  constructor(
    readonly client: ClientUnderTest,
    readonly options: Pick<FuzzOptions, 'properties' | 'timeoutMs' | 'stats' | 'signal'>,
  ) {}

  /** Runs one input, or finds its run; counts a new run in the statistics under `phase` (stored examples under `examples`). */
  judged(
    { config, plan }: TrialInput,
    { phase, searching }: { phase: Phase | 'examples'; searching: boolean },
  ): Promise<JudgedTrial> {
    const { client, options } = this
    // A digest, not the JSON itself: the cache holds one short key per input however long the run.
    const key = createHash('sha1')
      .update(JSON.stringify([config, plan]))
      .digest('base64')
    let pending = this.#trials.get(key)
    if (pending) return pending
    // A stopped run starts no trial (the caller's search ends with the signal's reason).
    if (options.signal?.aborted) return Promise.reject(options.signal.reason)
    const stop = options.signal ? { stop: options.signal } : {}
    pending = runTrial(client, config, resolveScenario(config, plan), { timeoutMs: options.timeoutMs, ...stop }).then((trial) => {
      if (options.stats) countOutcome(options.stats, client, trial)
      return judgeAll(trial, options.properties)
    })
    this.#trials.set(key, pending)
    if (options.stats) {
      options.stats.trials += 1
      if (phase === 'examples') options.stats.examples = (options.stats.examples ?? 0) + 1
      else {
        const byPhase = (options.stats.phases ??= { coverage: 0, random: 0 })
        byPhase[phase] += 1
        if (searching) countDimensions(options.stats, client, { config, plan })
      }
    }
    return pending
  }
}

/** Counts how a session ended; a client error's first line too, for the run's summary. */
function countOutcome(stats: FuzzStats, client: ClientUnderTest, trial: Trial): void {
  const outcomes = (stats.outcomes ??= { completed: 0, 'client-error': 0, timeout: 0 })
  outcomes[trial.outcome.kind] += 1
  if (trial.outcome.kind !== 'client-error') return
  // Its message is printed in the run's summary: the secrets it may echo must be known first.
  registerTrialSecrets(trial)
  const errors = (stats.clientErrors ??= {})
  const key = `${client.name}: ${trial.outcome.message.split('\n')[0]!.slice(0, 300)}`
  errors[key] = (errors[key] ?? 0) + 1
}
