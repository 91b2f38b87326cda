import { InputError } from '../core/errors.js'
import type { RunReport, RunReportResult } from './run-report-schema.js'
import { runExitCode, summaryOf } from './run-report.js'

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0)
}

/** Whether two lists hold the same items, in any order. */
function sameItems(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().every((item, i) => item === [...b].sort()[i])
}

/**
 * The shards must be one run cut in pieces: same seed, runs, timeout, tool, shard count and plan
 * (clients or versions, properties), each index once, each holding exactly its share of the plan.
 * A shard copied under another index, one for another client, one with fewer properties or an
 * empty one is named; nothing a shard says about itself is taken on trust.
 */
function checkShards(reports: readonly RunReport[], files: readonly string[]): void {
  const [head] = reports
  if (!head) throw new InputError('report merge needs the run reports of the shards (fuzz --shard I/N --json)')
  reports.forEach((report, index) => {
    const file = files[index]
    if (!report.shard) throw new InputError(`${file}: not a shard (its run had no --shard)`)
    if (!report.plan) throw new InputError(`${file}: names no plan (what the whole run covers): not a shard this harness wrote`)
    for (const [what, mine, theirs] of [
      ['seed', report.seed, head.seed],
      ['--runs', report.runs, head.runs],
      ['--timeout', report.timeoutMs, head.timeoutMs],
      ['shard count', report.shard.count, head.shard!.count],
      ['tool version', report.tool.version, head.tool.version],
      ['plan', JSON.stringify(report.plan), JSON.stringify(head.plan)],
    ] as const)
      if (mine !== theirs)
        throw new InputError(`${file}: ${what} ${mine} differs from ${files[0]}'s ${theirs}: not shards of one run`)
    checkShare(report, file!)
    for (const result of report.results) checkCounts(result, file!)
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

/** A shard holds exactly its share: every client × property of the plan (its share of the inputs), or its share of the versions. */
function checkShare(report: RunReport, file: string): void {
  const plan = report.plan!
  const { index, count } = report.shard!
  if (plan.entries) {
    const mine = plan.entries.filter((_, i) => i % count === index - 1)
    const ran = [...new Set(report.results.map((result) => result.client))]
    if (!sameItems(ran, mine))
      throw new InputError(
        `${file}: shard ${index}/${count} should hold ${mine.join(', ') || '(none)'} of the run's ${plan.entries.length} clients, and holds ${ran.join(', ') || 'none'}`,
      )
    return
  }
  if (plan.versions) {
    const mine = plan.versions.filter((_, i) => i % count === index - 1)
    const ran = (report.clients ?? []).map((client) => client.version)
    if (!sameItems(ran, mine))
      throw new InputError(
        `${file}: shard ${index}/${count} should hold versions ${mine.join(', ') || '(none)'} of the run's ${plan.versions.join(', ')}, and holds ${ran.join(', ') || 'none'}`,
      )
    return
  }
  if (report.incomplete) return
  const expected = (plan.clients ?? []).flatMap((client) => plan.properties.map((property) => `${client} × ${property}`))
  const held = report.results.map((result) => `${result.client} × ${result.property.id}`)
  if (!sameItems(held, expected)) {
    const missing = expected.filter((pair) => !held.includes(pair))
    const extra = held.filter((pair) => !expected.includes(pair))
    throw new InputError(
      `${file}: shard ${index}/${count} does not hold the run's client × property pairs (${missing.length} missing${missing[0] ? `, e.g. ${missing[0]}` : ''}; ${extra.length} not in the run${extra[0] ? `, e.g. ${extra[0]}` : ''})`,
    )
  }
}

/** A result's counts must add up; its verdict is recomputed from them, never read. */
function checkCounts(result: RunReportResult, file: string): void {
  const pair = `${result.client} × ${result.property.id}`
  if (result.held + result.violated + result.notExercised !== result.runs || result.violated > 1)
    throw new InputError(
      `${file}: ${pair}: ${result.held} held + ${result.violated} violated + ${result.notExercised} not exercised is not its ${result.runs} runs: not a report this harness wrote`,
    )
  if (result.verdict !== verdictOf(result))
    throw new InputError(
      `${file}: ${pair} says ${result.verdict}, its counts say ${verdictOf(result)}: not a report this harness wrote`,
    )
}

/** The verdict the counts give: a violation, else a trial that held, else nothing judged. */
function verdictOf(counts: Pick<RunReportResult, 'held' | 'violated'>): RunReportResult['verdict'] {
  return counts.violated > 0 ? 'violated' : counts.held > 0 ? 'held' : 'not-exercised'
}

/** The merged status: the verdict the counts give, read against the expected failure a shard names. */
function statusOf(results: readonly RunReportResult[], verdict: RunReportResult['verdict']): RunReportResult['status'] {
  const expected = results.some((result) => result.expectedFailure && !result.expectedFailure.noLongerFails)
  if (!expected) return verdict
  // STALE comes from a shard's replay of the entry; a violation seen in another shard outweighs it.
  if (verdict !== 'violated' && results.some((result) => result.status === 'stale-expected-failure'))
    return 'stale-expected-failure'
  return 'expected-failure'
}

function mergeResults(results: readonly RunReportResult[]): RunReportResult {
  const [head] = results as [RunReportResult, ...RunReportResult[]]
  const violated = results.find((result) => result.violated > 0)
  const phase = (name: 'coverage' | 'random') => sum(results.map((result) => result.phaseRuns?.[name] ?? 0))
  const verdict = verdictOf({ held: sum(results.map((r) => r.held)), violated: sum(results.map((r) => r.violated)) })
  return {
    ...head,
    verdict,
    status: statusOf(results, verdict),
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
