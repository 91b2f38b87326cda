import type { TrialInput } from '../core/trial-input.js'
import type { Trial } from '../core/trial.js'
import type { Property, Violation } from '../property/property.js'
import type { Phase, PropertyResult } from './fuzz-types.js'
import type { TrialCache } from './trial-cache.js'

/** The failing trial a search saw last: after shrinking, the shrunk one. */
export interface Failing {
  trial: Trial
  violations: Violation[]
  input: TrialInput
}

/**
 * One client × property search across both phases: `holds` is the predicate each phase runs inputs
 * through (a trial from the client's cache, judged for this property), and what it counted.
 *
 * @example
 * const search = new PropertySearch(property, cache, seed)
 * if (!(await search.holds(input))) console.log(search.failing!.violations)
 */
export class PropertySearch {
  /** The phase its inputs count under (stored examples count in none: their trials ran before the search). */
  phase: Phase | 'examples' = 'coverage'
  readonly phaseRuns: Record<Phase, number> = { coverage: 0, random: 0 }
  readonly outcomes: PropertyResult['outcomes'] = { completed: 0, 'client-error': 0, timeout: 0 }
  /** Stored examples judged, before either phase. */
  exampleRuns = 0
  exercised = 0
  failing: Failing | undefined

  constructor(
    readonly property: Property,
    readonly cache: TrialCache,
    readonly seed: number,
  ) {}

  /** Whether the property holds on `input` (not exercised counts as holding). */
  readonly holds = async (input: TrialInput): Promise<boolean> => {
    // Statistics count the search, not the shrinking that follows the first failure.
    const searching = this.failing === undefined
    const judged = await this.cache.judged(input, { phase: this.phase, searching })
    if (searching) {
      if (this.phase === 'examples') this.exampleRuns += 1
      else this.phaseRuns[this.phase] += 1
      this.outcomes[judged.outcome] += 1
    }
    if (!judged.exercised.includes(` ${this.property.id} `)) return true
    if (searching) this.exercised += 1
    const violations = judged.failed?.violations.get(this.property.id)
    if (!violations) return true
    // A search trial that ran beside the first failure and ended after it (trials side by side, one
    // held open for seconds) must not replace it, nor the shrunk input shrinking has moved to since.
    if (searching && this.failing !== undefined) return false
    // fast-check only moves to a smaller input that fails too, so the last failure is the shrunk one.
    this.failing = { trial: judged.failed!.trial, violations, input: { config: input.config, plan: input.plan } }
    return false
  }

  /** What it found so far, without a verdict. */
  result(): Omit<PropertyResult, 'verdict'> {
    const { client } = this.cache
    return {
      client: client.name,
      clientDescription: client.description,
      ...(client.version === undefined ? {} : { clientVersion: client.version }),
      property: this.property,
      runs: this.exampleRuns + this.phaseRuns.coverage + this.phaseRuns.random,
      phaseRuns: this.phaseRuns,
      exercised: this.exercised,
      outcomes: this.outcomes,
      seed: this.seed,
    }
  }

  /** The result when no input failed: held, or not exercised when no trial gave it anything to judge. */
  noFailure(): PropertyResult {
    return { ...this.result(), verdict: this.exercised > 0 ? 'held' : 'not-exercised' }
  }
}
