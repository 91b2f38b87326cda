import fc from 'fast-check'
import type { ClientUnderTest } from '../clients/client-under-test.js'
import type { Property, Violation } from '../property/property.js'
import { trialInputArbitrary } from '../arbitraries/trial-input.js'
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
  /** Called after each client × property finishes. */
  onResult?: (result: PropertyResult) => void
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
    for (const property of options.properties) {
      const result = await fuzzOne(client, property, { ...options, seed })
      options.onResult?.(result)
      results.push(result)
    }
  }
  return results
}

async function fuzzOne(
  client: ClientUnderTest,
  property: Property,
  options: FuzzOptions & { seed: number },
): Promise<PropertyResult> {
  const outcomes: PropertyResult['outcomes'] = { completed: 0, 'client-error': 0, timeout: 0 }
  let exercised = 0
  let failing: { trial: Trial; violations: Violation[] } | undefined
  const check = fc.asyncProperty(trialInputArbitrary(client.transports), async ({ config, plan }) => {
    const trial = await runTrial(client, config, resolveScenario(config, plan), { timeoutMs: options.timeoutMs })
    const shrinking = failing !== undefined
    if (!shrinking) outcomes[trial.outcome.kind] += 1
    if (!property.exercised(trial)) return true
    if (!shrinking) exercised += 1
    const violations = property.check(trial)
    if (violations.length === 0) return true
    // fast-check only moves to a smaller input that fails too, so the last failure is the shrunk one.
    failing = { trial, violations }
    return false
  })
  const details = await fc.check(check, {
    numRuns: options.runs,
    seed: options.seed,
    ...(options.path === undefined ? {} : { path: options.path }),
  })
  const base = { client: client.name, property, runs: details.numRuns, exercised, outcomes, seed: details.seed }
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
