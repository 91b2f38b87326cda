import type { Property, Violation } from '../property/property.js'
import type { Trial } from '../core/trial.js'

export interface Judgement {
  property: Property
  verdict: 'held' | 'violated' | 'not-exercised'
  violations: Violation[]
}

/**
 * Runs every property over one trial's traffic (a replay, or a recording for `check`).
 *
 * @example
 * const judgements = judgeTrial(trial, PROPERTIES)
 * const failed = judgements.some((j) => j.verdict === 'violated')
 */
export function judgeTrial(trial: Trial, properties: readonly Property[]): Judgement[] {
  return properties.map((property) => {
    if (!property.exercised(trial)) return { property, verdict: 'not-exercised', violations: [] }
    const violations = property.check(trial)
    return { property, verdict: violations.length > 0 ? 'violated' : 'held', violations }
  })
}

/** No false green: true when no property could judge the trial (no request at all, say). */
export function nothingJudged(judgements: readonly Judgement[]): boolean {
  return judgements.every((j) => j.verdict === 'not-exercised')
}

/** The line every command prints when it judged nothing, so the exit code 1 explains itself. */
export const NOTHING_JUDGED = '✗ nothing was judged: no property applies to this traffic (did the client send any request?)'
