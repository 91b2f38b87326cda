import type { Expectation } from '../runner/expected-failures.js'
import type { Phase, PropertyResult } from '../runner/fuzz.js'
import type { TrialOutcome } from '../core/trial.js'
import { foundBy, redactTrialText, reproduceCommand } from './text-report.js'

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
  if (expectation?.status === 'fixed')
    return `✓ ${pair}: no longer fails in ${expectation.version} (listed for versions ${expectation.entry.versions})`
  if (expectation)
    return `~ ${pair}${expectation.status === 'reproduced' ? ' (replayed)' : ''}: ${oneLine(expectation.entry.reason)}`
  const ce = result.counterexample!
  const where = foundBy(ce)
  const lines = [
    `✗ ${pair}: ${oneLine(ce.violations[0]?.message ?? 'violated', 160)}`,
    ...(ce.violations.length > 1 ? [`    … and ${ce.violations.length - 1} more violation(s)`] : []),
    `    found by ${where}, shrunk in ${ce.shrinks} steps`,
    `    reproduce: ${reproduceCommand(result, options.flags ?? [])}`,
    ...(options.saved ? [`    saved: ${options.saved}`] : []),
  ]
  return redactTrialText(ce.trial, lines.join('\n'))
}

/**
 * The expected failures as one line per property: which clients, and the first one's reason
 * (entries for the same bug in several clients say "Same as …"). STALE ones stay one per pair.
 *
 * @example
 * expectedFailureLines(expectations) // ['~ no-header-leak [MUST] × sdk-streamable, sdk-sse: @modelcontextprotocol/sdk 1.32 sends …']
 */
export function expectedFailureLines(expectations: ReadonlyMap<PropertyResult, Expectation>): string[] {
  const stale: string[] = []
  const groups = new Map<string, Array<[PropertyResult, Expectation]>>()
  for (const [result, expectation] of expectations) {
    if (expectation.status === 'stale' || expectation.status === 'fixed') {
      stale.push(findingLine(result, expectation))
      continue
    }
    const group = groups.get(result.property.id) ?? []
    group.push([result, expectation])
    groups.set(result.property.id, group)
  }
  const grouped = [...groups.values()].map((group) => {
    const [[first, expectation]] = group as [[PropertyResult, Expectation]]
    const clients = group
      .map(([r, e]) => {
        const outside = e.outsideVersions ? ` (still fails in ${e.version}, outside ${e.entry.versions}: widen them)` : ''
        return `${r.client}${e.status === 'reproduced' ? ' (replayed)' : ''}${outside}`
      })
      .join(', ')
    return `~ ${first.property.id} [${first.property.level}] × ${clients}: ${oneLine(expectation.entry.reason, 100)}`
  })
  return [...stale, ...grouped]
}

/** The run's last line: trials per phase, time, and the verdict that decides the exit code. */
export function runSummaryLine(facts: {
  results: readonly PropertyResult[]
  expectations: ReadonlyMap<PropertyResult, Expectation>
  violated: readonly PropertyResult[]
  trials: number
  phases?: Record<Phase, number> | undefined
  /** Stored examples replayed before the phases. */
  examples?: number | undefined
  outcomes?: Record<TrialOutcome['kind'], number> | undefined
  durationMs: number
  underExercised: number
}): string {
  const stale = [...facts.expectations.values()].filter((e) => e.status === 'stale').length
  const fixed = [...facts.expectations.values()].filter((e) => e.status === 'fixed').length
  const known = facts.expectations.size - stale - fixed
  const judged = facts.results.filter((r) => r.exercised > 0).length
  const verdict = [
    facts.violated.length === 0 ? 'no unexpected violation' : `${facts.violated.length} client × property pair(s) VIOLATED`,
    ...(known > 0 ? [`${known} expected failure(s)`] : []),
    ...(stale > 0 ? [`${stale} STALE expected failure(s)`] : []),
    ...(fixed > 0 ? [`${fixed} listed failure(s) no longer fail in this version`] : []),
    ...(facts.underExercised > 0 ? [`${facts.underExercised} pair(s) under --min-exercised`] : []),
    `${judged} of ${facts.results.length} pairs exercised`,
  ].join(', ')
  const o = facts.outcomes
  const detail = [
    ...(facts.examples ? [`stored examples ${facts.examples}`] : []),
    ...(facts.phases ? [`coverage ${facts.phases.coverage}, random ${facts.phases.random}`] : []),
    ...(o ? [`sessions ${o.completed} completed, ${o['client-error']} client error, ${o.timeout} timeout`] : []),
  ].join('; ')
  return `${facts.trials} trials${detail ? ` (${detail})` : ''} in ${(facts.durationMs / 1000).toFixed(1)} s, each judged by every property: ${verdict}.`
}
