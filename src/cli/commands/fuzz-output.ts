// What `fuzz` prints and writes: the header, the results (matrix or `--verbose` reports), the report files.
import type { ClientUnderTest } from '../../clients/client-under-test.js'
import { coverageInputs } from '../../coverage/coverage-inputs.js'
import type { Property } from '../../property/property.js'
import { expectedFailureLines, findingLine, runSummaryLine } from '../../report/findings.js'
import { buildRunReport, judgedNothing } from '../../report/run-report.js'
import type { RunReport } from '../../report/run-report-schema.js'
import { shellQuote } from '../../report/shell-quote.js'
import { counterexampleReport, expectationReport } from '../../report/text-report.js'
import { MATRIX_LEGEND, verdictMatrix } from '../../report/verdict-matrix.js'
import { runReportJson, writeReports } from '../../report/write-reports.js'
import type { Expectation } from '../../runner/expected-failures.js'
import type { FuzzRun } from '../../library/fuzz-run.js'
import type { FuzzStats, Phase, PropertyResult } from '../../runner/fuzz.js'
import { writeErr, writeOut } from '../../runtime/process.js'
import { exampleLines } from '../../library/example-database.js'
import { reproduceFlags, type FuzzArgs } from './fuzz-flags.js'

/** The clients whose sessions need more than `--timeout`, and what they get instead. */
function raised(clients: readonly ClientUnderTest[], timeoutMs: number): string {
  const slow = clients.filter((client) => (client.minTimeoutMs ?? 0) > timeoutMs)
  return slow.length === 0
    ? ''
    : ` (${slow.map((client) => `${client.name}: ${client.minTimeoutMs} ms, the least its session takes`).join('; ')})`
}

/** The run's first lines: what runs (clients × properties, phases, shard, timeout), and what each installed client resolved. */
export function printRunHeader(
  out: (text: string) => void,
  args: FuzzArgs,
  run: {
    clients: readonly ClientUnderTest[]
    properties: readonly Property[]
    phases: readonly Phase[]
    seed: number
    shard: { index: number; count: number } | undefined
  },
): void {
  const { clients, properties, phases, seed, shard } = run
  const coverageSizes = phases.includes('coverage') ? clients.map((client) => coverageInputs(client).length) : []
  const phaseText = [
    ...(phases.includes('coverage')
      ? [`coverage phase (${[...new Set(coverageSizes)].join('/')} inputs per client, the same every run)`]
      : []),
    ...(phases.includes('random') ? [`${args.runs} random trials per client (seed ${seed})`] : []),
  ].join(', then ')
  out(
    `mcp-auth-harness fuzz: ${clients.length} client(s) × ${properties.length} propert${properties.length === 1 ? 'y' : 'ies'}: ${phaseText}${shard ? `; shard ${shard.index}/${shard.count} (every ${shard.count}th input)` : ''}; timeout ${args.timeout} ms per trial${raised(clients, args.timeout)}\n`,
  )
  // What an installed client resolved: the question after a finding is which release of what.
  for (const client of clients.filter((c) => c.releasedAt || Object.keys(c.dependencies ?? {}).length > 0)) {
    const resolved = Object.entries(client.dependencies ?? {}).map(([name, version]) => `${name} ${version}`)
    out(
      `  ${client.name} ${client.version}${client.releasedAt ? `, released ${client.releasedAt.slice(0, 10)}` : ''}${resolved.length ? `: ${resolved.join(', ')}` : ''}\n`,
    )
  }
  out('\n')
}

/** What a finished run prints: the matrix and a line per finding (or `--verbose`'s reports), the guards, the last line. */
export function printRunResults(
  out: (text: string) => void,
  args: FuzzArgs,
  run: FuzzRun,
  expectations: ReadonlyMap<PropertyResult, Expectation>,
  minExercised: number | undefined,
  durationMs: number,
): void {
  const { results, violated, saved, stats } = run
  const expectedFile = args['expected-failures']
  // With --json, stdout is the document: what the example database did goes to stderr.
  for (const line of exampleLines(run.examples)) (args.json ? writeErr : out)(`${line}\n`)
  if (args.verbose) {
    for (const result of violated) {
      out(`\n${counterexampleReport(result, reproduceFlags(args))}\n`)
      const file = saved.get(result)
      if (file) out(`  saved: ${file} (replay it: npx mcp-auth-harness replay ${shellQuote(file)})\n`)
    }
    for (const [result, expectation] of expectations)
      out(`\n${expectationReport(result, expectation, expectedFile, reproduceFlags(args))}\n`)
  } else {
    out(`${verdictMatrix(results, expectations).join('\n')}\n${MATRIX_LEGEND}\n`)
    if (violated.length + expectations.size > 0) out('\nfindings (details: --verbose, or the saved file):\n')
    for (const result of violated)
      out(`${findingLine(result, undefined, { flags: reproduceFlags(args), saved: saved.get(result) })}\n`)
    for (const line of expectedFailureLines(expectations)) out(`${line}\n`)
  }
  for (const [client, stop] of Object.entries(stats.stoppedEarly ?? {}))
    out(
      `--fail-fast: ${client} stopped at its first unexpected violation (${stop.property}); ${stop.notJudged} of its properties not judged\n`,
    )
  const underExercised = minExercised === undefined ? [] : results.filter((result) => result.exercised < minExercised)
  for (const result of underExercised)
    out(
      `✗ --min-exercised ${minExercised}: ${result.client} × ${result.property.id} was exercised by ${result.exercised} of ${result.runs} trials\n`,
    )
  if (judgedNothing(results))
    out(
      `✗ nothing was judged: no trial carried an MCP JSON-RPC request to the MCP endpoint that a selected property could judge (is the URL right? did every session fail?${stats.clientErrors ? ' the commonest client errors follow' : ''})\n`,
    )
  if (stats.clientErrors && (judgedNothing(results) || args.verbose))
    for (const [error, count] of Object.entries(stats.clientErrors)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5))
      out(`  client error ×${count}: ${error}\n`)
  out(
    `\n${runSummaryLine({ results, expectations, violated, trials: stats.trials, phases: stats.phases, examples: stats.examples, outcomes: stats.outcomes, durationMs, underExercised: underExercised.length })}\n`,
  )
}

/** What a report needs beyond the results: the run's settings and statistics. */
export interface RunSettings {
  args: FuzzArgs
  clients: readonly ClientUnderTest[]
  properties: readonly Property[]
  expectations: ReadonlyMap<PropertyResult, Expectation>
  seed: number
  shard: { index: number; count: number } | undefined
  minExercised: number | undefined
  stats: FuzzStats & { trials: number }
  startedAt: string
  out: (text: string) => void
}

/** Builds the run report and writes every report file asked for (and `--json`). */
export async function writeRun(
  settings: RunSettings,
  results: readonly PropertyResult[],
  saved: ReadonlyMap<PropertyResult, string>,
  durationMs: number,
  incomplete?: { signal: 'SIGINT' | 'SIGTERM'; totalPairs: number },
): Promise<RunReport> {
  const { args, clients, expectations, seed, shard, minExercised, stats, startedAt, out } = settings
  const { report, redactors } = buildRunReport({
    results,
    clients,
    expectations,
    saved,
    seed,
    runs: args.runs,
    timeoutMs: args.timeout,
    ...(shard ? { shard } : {}),
    plan: { clients: clients.map((client) => client.name), properties: settings.properties.map((property) => property.id) },
    trials: stats.trials,
    stats,
    ...(minExercised === undefined ? {} : { minExercised }),
    startedAt,
    durationMs,
    flags: reproduceFlags(args),
    configFormat: args['config-format'],
    ...(incomplete ? { incomplete } : {}),
  })
  const written = await writeReports(report, redactors, {
    ...(args.junit ? { junit: args.junit } : {}),
    ...(args['checks-dir'] ? { checksDir: args['checks-dir'] } : {}),
    ...(args.summary ? { summary: args.summary } : {}),
    ...(args.html ? { html: args.html } : {}),
  })
  for (const path of written) out(`wrote ${path}\n`)
  if (args.json) writeOut(runReportJson(report, redactors))
  return report
}
