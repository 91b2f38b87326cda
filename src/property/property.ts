import type { Trial } from '../core/trial.js'

/** Where a rule comes from: a section of the MCP spec, or what users reasonably expect. */
export type PropertySource = { kind: 'spec'; version: string; section: string } | { kind: 'user-expectation'; evidence: string }

/** MUST and SHOULD as the spec uses them; EXPECTED for user expectations the spec does not state. */
export type PropertyLevel = 'MUST' | 'SHOULD' | 'EXPECTED'

/** One thing wrong in one trial, in one sentence, naming the exchange when there is one. */
export interface Violation {
  property: string
  /** `seq` of the offending exchange. */
  exchange?: number
  message: string
}

/**
 * A checkable rule over a trial's traffic. `exercised` says whether the trial gives the rule
 * anything to judge ("not exercised" is not "held"); `check` is pure and returns the violations.
 *
 * @example
 * const noGets: Property = {
 *   id: 'no-gets', statement: 'The client never sends GET.', level: 'EXPECTED',
 *   source: { kind: 'user-expectation', evidence: 'example' },
 *   exercised: () => true,
 *   check: (trial) => trial.exchanges.filter((e) => e.method === 'GET')
 *     .map((e) => ({ property: 'no-gets', exchange: e.seq, message: `request #${e.seq} is a GET` })),
 * }
 */
export interface Property {
  id: string
  statement: string
  source: PropertySource
  level: PropertyLevel
  exercised(trial: Trial): boolean
  check(trial: Trial): Violation[]
}

/** "2025-11-25 Authorization §…" or "user expectation (…)", for listings and reports. */
export function describeSource(source: PropertySource): string {
  return source.kind === 'spec' ? `MCP ${source.version}, ${source.section}` : `user expectation: ${source.evidence}`
}
