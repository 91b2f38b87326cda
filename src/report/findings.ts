import { collectSecrets } from '../recording/collect-secrets.js'
import { encodeExchange } from '../recording/exchange-codec.js'
import { Redactor } from '../recording/redactor.js'
import type { Expectation } from '../runner/expected-failures.js'
import type { Phase, PropertyResult } from '../runner/fuzz.js'
import type { TrialOutcome } from '../runner/trial.js'
import { reproduceCommand } from './text-report.js'

/** A reason or message cut to one readable line. */
function oneLine(text: string, max = 110): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`
}

/**
 * One finding in a line or a few: an expected failure as `~ client × property: reason`; an
 * unexpected violation with its first violations, where it was found, the reproduce command and
 * the saved file. Secrets are redacted as in every report.
 *
 * @example
 * findingLine(result, undefined, { flags: ['--timeout 5000'], saved: 'recordings/found/x.json' })
 */
export function findingLine(
  result: PropertyResult,
  expectation: Expectation | undefined,
  options: { flags?: readonly string[]; saved?: string | undefined } = {},
): string {
  const pair = `${result.client} × ${result.property.id} [${result.property.level}]`
  if (expectation?.status === 'stale')
    return `! STALE ${pair}: listed as expected but no longer fails; remove the entry (${oneLine(expectation.entry.reason, 60)})`
  if (expectation)
    return `~ ${pair}${expectation.status === 'reproduced' ? ' (replayed)' : ''}: ${oneLine(expectation.entry.reason)}`
  const ce = result.counterexample!
  const where = ce.phase === 'coverage' ? `coverage input #${ce.path} (${ce.label})` : `random trial, seed ${ce.seed}`
  const lines = [
    `✗ ${pair}: ${oneLine(ce.violations[0]?.message ?? 'violated', 160)}`,
    ...(ce.violations.length > 1 ? [`    … and ${ce.violations.length - 1} more violation(s)`] : []),
    `    found by ${where}, shrunk in ${ce.shrinks} steps`,
    `    reproduce: ${reproduceCommand(result, options.flags ?? [])}`,
    ...(options.saved ? [`    saved: ${options.saved}`] : []),
  ]
  const redactor = new Redactor()
  collectSecrets(ce.trial.config, ce.trial.exchanges.map(encodeExchange), redactor)
  return redactor.apply(lines.join('\n'))
}

/** The run's last line: trials per phase, time, and the verdict that decides the exit code. */
export function runSummaryLine(facts: {
  results: readonly PropertyResult[]
  expectations: ReadonlyMap<PropertyResult, Expectation>
  violated: readonly PropertyResult[]
  trials: number
  phases?: Record<Phase, number> | undefined
  outcomes?: Record<TrialOutcome['kind'], number> | undefined
  durationMs: number
  underExercised: number
}): string {
  const stale = [...facts.expectations.values()].filter((e) => e.status === 'stale').length
  const known = facts.expectations.size - stale
  const judged = facts.results.filter((r) => r.exercised > 0).length
  const verdict = [
    facts.violated.length === 0 ? 'no unexpected violation' : `${facts.violated.length} client × property pair(s) VIOLATED`,
    ...(known > 0 ? [`${known} expected failure(s)`] : []),
    ...(stale > 0 ? [`${stale} STALE expected failure(s)`] : []),
    ...(facts.underExercised > 0 ? [`${facts.underExercised} pair(s) under --min-exercised`] : []),
    `${judged} of ${facts.results.length} pairs exercised`,
  ].join(', ')
  const phases = facts.phases ? ` (coverage ${facts.phases.coverage}, random ${facts.phases.random})` : ''
  const o = facts.outcomes
  const sessions = o ? `sessions: ${o.completed} completed, ${o['client-error']} client error, ${o.timeout} timeout\n` : ''
  return `${sessions}${facts.trials} trials${phases} in ${(facts.durationMs / 1000).toFixed(1)} s, each judged by every property: ${verdict}.`
}
