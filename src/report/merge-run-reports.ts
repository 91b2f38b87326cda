import { InputError } from '../core/errors.js'
import type { RunReport, RunReportResult } from './run-report-schema.js'
import { runExitCode, summaryOf } from './run-report.js'

/** Which status wins when shards disagree: a violation anywhere is the run's, then what was expected, … */
const STATUS_ORDER: ReadonlyArray<RunReportResult['status']> = [
  'violated',
  'stale-expected-failure',
  'expected-failure',
  'held',
  'not-exercised',
]
const VERDICT_ORDER: ReadonlyArray<RunReportResult['verdict']> = ['violated', 'held', 'not-exercised']

function first<T>(order: readonly T[], values: readonly T[]): T {
  return order.find((value) => values.includes(value))!
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0)
}

/** The shards must be one run cut in pieces: same seed, runs, tool and shard count, each index once. */
function checkShards(reports: readonly RunReport[], files: readonly string[]): void {
  const [head] = reports
  if (!head) throw new InputError('report merge needs the run reports of the shards (fuzz --shard I/N --json)')
  reports.forEach((report, index) => {
    const file = files[index]
    if (!report.shard) throw new InputError(`${file}: not a shard (its run had no --shard)`)
    for (const [what, mine, theirs] of [
      ['seed', report.seed, head.seed],
      ['--runs', report.runs, head.runs],
      ['shard count', report.shard.count, head.shard!.count],
      ['tool version', report.tool.version, head.tool.version],
    ] as const)
      if (mine !== theirs)
        throw new InputError(`${file}: ${what} ${mine} differs from ${files[0]}'s ${theirs}: not shards of one run`)
  })
  const count = head.shard!.count
  const seen = reports.map((report) => report.shard!.index)
  const duplicate = seen.find((index, at) => seen.indexOf(index) !== at)
  if (duplicate !== undefined) throw new InputError(`shard ${duplicate}/${count} is given twice`)
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !seen.includes(index))
  if (missing.length > 0)
    throw new InputError(
      `shard(s) ${missing.map((i) => `${i}/${count}`).join(', ')} missing: a merge of part of a run is not the run`,
    )
}

function mergeResults(results: readonly RunReportResult[]): RunReportResult {
  const [head] = results as [RunReportResult, ...RunReportResult[]]
  const violated = results.find((result) => result.verdict === 'violated')
  const phase = (name: 'coverage' | 'random') => sum(results.map((result) => result.phaseRuns?.[name] ?? 0))
  return {
    ...head,
    verdict: first(
      VERDICT_ORDER,
      results.map((result) => result.verdict),
    ),
    status: first(
      STATUS_ORDER,
      results.map((result) => result.status),
    ),
    runs: sum(results.map((result) => result.runs)),
    ...(results.some((result) => result.phaseRuns)
      ? { phaseRuns: { coverage: phase('coverage'), random: phase('random') } }
      : {}),
    held: sum(results.map((result) => result.held)),
    violated: sum(results.map((result) => result.violated)),
    notExercised: sum(results.map((result) => result.notExercised)),
    sessions: {
      completed: sum(results.map((result) => result.sessions.completed)),
      clientError: sum(results.map((result) => result.sessions.clientError)),
      timeout: sum(results.map((result) => result.sessions.timeout)),
    },
    durationMs: sum(results.map((result) => result.durationMs)),
    // The counterexample of the first shard that found one (shard order, so the merge is the same every time).
    ...(violated?.counterexample ? { counterexample: violated.counterexample } : { counterexample: undefined }),
    ...(violated?.savedAs ? { savedAs: violated.savedAs } : { savedAs: undefined }),
  }
}

function mergeCounts(target: Record<string, number>, source: Record<string, number>): void {
  for (const [key, value] of Object.entries(source)) target[key] = (target[key] ?? 0) + value
}

/**
 * The run reports of the shards of one run (`fuzz --seed S --shard I/N --json`) as the report of
 * the whole run: per client × property a violation in any shard is the run's (with that shard's
 * counterexample), counts and exercise statistics add up, and the exit code is decided again, as
 * `fuzz` decides it. Shards of different runs, a shard given twice or one missing are input errors.
 *
 * @example
 * const run = mergeRunReports([shard1, shard2, shard3], ['s1.json', 's2.json', 's3.json'])
 */
export function mergeRunReports(reports: readonly RunReport[], files: readonly string[]): RunReport {
  checkShards(reports, files)
  const ordered = [...reports].sort((a, b) => a.shard!.index - b.shard!.index)
  const pairs = new Map<string, RunReportResult[]>()
  for (const report of ordered)
    for (const result of report.results) {
      const key = JSON.stringify([result.client, result.property.id])
      pairs.set(key, [...(pairs.get(key) ?? []), result])
    }
  const results = [...pairs.values()].map((group) =>
    Object.fromEntries(Object.entries(mergeResults(group)).filter(([, value]) => value !== undefined)),
  ) as RunReportResult[]
  const exercise: NonNullable<RunReport['exercise']> = {}
  for (const report of ordered)
    for (const [client, entry] of Object.entries(report.exercise ?? {})) {
      const merged = (exercise[client] ??= { properties: {}, dimensions: {} })
      mergeCounts(merged.properties, entry.properties)
      for (const [dimension, values] of Object.entries(entry.dimensions))
        mergeCounts((merged.dimensions[dimension] ??= {}), values)
    }
  const summary = summaryOf(results)
  const minExercised = ordered.find((report) => report.minExercised !== undefined)?.minExercised
  const underExercised =
    minExercised === undefined
      ? []
      : results
          .map((result) => ({ client: result.client, property: result.property.id, exercised: result.held + result.violated }))
          .filter((pair) => pair.exercised < minExercised)
  const interrupted = ordered.find((report) => report.incomplete)?.incomplete
  const judgedNothing = results.every((result) => result.held + result.violated === 0)
  const [head] = ordered as [RunReport, ...RunReport[]]
  // Every shard ran the same clients: each is listed once.
  const clients = new Map(ordered.flatMap((report) => report.clients ?? []).map((client) => [client.name, client]))
  const phases = ordered.some((report) => report.phases)
    ? { coverage: sum(ordered.map((r) => r.phases?.coverage ?? 0)), random: sum(ordered.map((r) => r.phases?.random ?? 0)) }
    : undefined
  return {
    format: head.format,
    version: head.version,
    tool: head.tool,
    startedAt: ordered.map((report) => report.startedAt).sort()[0]!,
    // Shards run side by side: the run took as long as its longest shard.
    durationMs: Math.max(...ordered.map((report) => report.durationMs)),
    seed: head.seed,
    runs: head.runs,
    timeoutMs: head.timeoutMs,
    trials: sum(ordered.map((report) => report.trials)),
    ...(phases ? { phases } : {}),
    exercise,
    ...(minExercised === undefined ? {} : { minExercised, underExercised }),
    ...(clients.size > 0 ? { clients: [...clients.values()] } : {}),
    summary,
    exitCode: runExitCode(summary, underExercised.length, judgedNothing, interrupted?.signal),
    ...(interrupted
      ? {
          incomplete: {
            signal: interrupted.signal,
            finishedPairs: results.length,
            totalPairs: sum(ordered.map((r) => r.incomplete?.totalPairs ?? r.results.length)),
          },
        }
      : {}),
    results,
  }
}
