import type { Property, Violation } from './property.js'
import { ruleApplies } from './spec-version.js'
import type { Trial } from '../core/trial.js'
import { hasMcpRequest } from '../traffic/mcp-endpoint.js'

export interface Judgement {
  property: Property
  verdict: 'held' | 'violated' | 'not-exercised'
  violations: Violation[]
}

/** Held, violated, or not exercised (the trial gave the rule nothing to judge). */
export type Verdict = Judgement['verdict']

/**
 * Whether a trial gives a property something to judge: its server speaks a version the rule
 * exists in (`source.since`, unless `alsoBefore`), and the property's own `exercised` says so.
 */
export function applies(property: Property, trial: Trial): boolean {
  const { source } = property
  if (source.kind === 'spec' && !source.alsoBefore && !ruleApplies(trial, source.since)) return false
  return property.exercised(trial)
}

/**
 * The one judge: every caller (fuzz, the library, check, replay, serve, record) judges through
 * it, so the version and exercise guards are applied once, the same way everywhere.
 *
 * @example
 * const { verdict, violations } = judge(headersAlwaysSent, trial)
 */
export function judge(property: Property, trial: Trial): Judgement {
  if (!applies(property, trial)) return { property, verdict: 'not-exercised', violations: [] }
  const violations = property.check(trial)
  if (violations.length > 0) return { property, verdict: 'violated', violations }
  // A rule kept in a session with no MCP request in it was not put to the test: no green without one.
  return { property, verdict: carriedMcp(trial) ? 'held' : 'not-exercised', violations }
}

const mcpCarried = new WeakMap<Trial, boolean>()

/** `hasMcpRequest`, once per trial however many properties ask. */
function carriedMcp(trial: Trial): boolean {
  let carried = mcpCarried.get(trial)
  if (carried === undefined) mcpCarried.set(trial, (carried = hasMcpRequest(trial)))
  return carried
}

/**
 * Runs every property over one trial's traffic (a fuzz trial, a replay, or a recording for `check`).
 *
 * @example
 * const judgements = judgeTrial(trial, PROPERTIES)
 * const failed = judgements.some((j) => j.verdict === 'violated')
 */
export function judgeTrial(trial: Trial, properties: readonly Property[]): Judgement[] {
  return properties.map((property) => judge(property, trial))
}

/** No false green: true when no property could judge the trial (no request at all, say). */
export function nothingJudged(judgements: readonly Judgement[]): boolean {
  return judgements.every((j) => j.verdict === 'not-exercised')
}

/** The line every command prints when it judged nothing, so the exit code 1 explains itself. */
export const NOTHING_JUDGED =
  '✗ nothing was judged: no MCP JSON-RPC request reached the MCP endpoint, or no property applies to what did (is the URL right? did the client start?)'
