import type { CommandModule } from 'yargs'
import type { CliCommand } from '../cli-command.js'
import { PROPERTIES } from '../../../properties/index.js'
import { INSTALLABLE_CLIENTS } from '../../clients/provision/installable-clients.js'
import type { ClientUnderTest } from '../../clients/client-under-test.js'
import { runFuzz } from '../../library/fuzz-run.js'
import { resolveClient } from '../../resolve/resolve-client.js'
import type { ExpectedFailure } from '../../runner/expected-failures.js'
import type { PropertyResult } from '../../runner/fuzz.js'
import { buildRunReport } from '../../report/run-report.js'
import type { RunReport } from '../../report/run-report-schema.js'
import type { Redactor } from '../../recording/redactor.js'
import { loadRunReport } from '../../report/load-run-report.js'
import { mergeRunReports } from '../../report/merge-run-reports.js'
import { runReportJson, writeReports } from '../../report/write-reports.js'
import { saveCounterexample } from '../../report/save-counterexample.js'
import { findingsPage, issueFileOf } from '../../report/findings-page.js'
import { issueReport } from '../../report/issue-report.js'
import { loadRecording } from '../../recording/load-recording.js'
import { installableNamed, supportedVersions } from '../../versions/installable-named.js'
import { parseVersionList } from '../../versions/version-range.js'
import { writeTextAtomically } from '../../runtime/files.js'
import { onFatalSignal, writeErr, writeOut } from '../../runtime/process.js'
import { killLiveProcessGroups } from '../../runtime/child-process.js'
import { checkMilliseconds } from '../check-number-options.js'
import { checkOutputPath } from '../check-output-path.js'
import { EXIT, UsageError } from '../usage-error.js'
import { parseShard } from './fuzz.js'

/** Agent CLIs start in seconds: a session gets this long unless told otherwise. */
const SCOREBOARD_TIMEOUT_MS = 15_000
const DEFAULT_FOUND_DIR = 'docs/scoreboard/found'

interface ScoreboardArgs {
  client?: string[]
  last: number
  timeout: number
  shard?: string
  merge?: string[]
  render?: string
  json?: string
  html?: string
  markdown?: string
  'found-dir': string
}

/**
 * The clients at their releases: an installable client at its newest N releases (`NAME@VERSION`),
 * any other built-in client as it is (the bundled SDKs, the faulty ones: what a test can run).
 */
async function entriesOf(names: readonly string[], last: number): Promise<string[]> {
  const entries: string[] = []
  for (const name of names) {
    if (!INSTALLABLE_CLIENTS.some((client) => client.name === name.replace(/-no-oauth$/, ''))) {
      entries.push(name)
      continue
    }
    const client = installableNamed(name, 'scoreboard')
    const versions = parseVersionList(`last:${last}`, await supportedVersions(client), name)
    entries.push(...versions.map((version) => `${name}@${version}`))
  }
  return entries
}

/** Writes what was asked for: the run report (JSON), its page (HTML), the findings page (Markdown). */
async function present(report: RunReport, redactors: readonly Redactor[], args: ScoreboardArgs): Promise<number> {
  if (args.json) {
    await writeTextAtomically(args.json, runReportJson(report, redactors))
    if (args.json !== '-') writeOut(`wrote ${args.json}\n`)
  }
  if (args.html) {
    await writeReports(report, redactors, { html: args.html })
    writeOut(`wrote ${args.html}\n`)
  }
  if (args.markdown) {
    await writeTextAtomically(args.markdown, findingsPage(report, args.markdown))
    if (args.markdown !== '-') writeOut(`wrote ${args.markdown}\n`)
  }
  const found = report.results.filter((result) => result.verdict === 'violated')
  const clients = new Set(report.results.map((result) => result.client)).size
  writeOut(
    `scoreboard: ${clients} client(s) × ${report.plan?.properties.length ?? 0} properties: ${found.length} finding(s) (${found.filter((r) => r.status !== 'expected-failure').length} not listed yet)\n`,
  )
  return EXIT.ok
}

/** Runs the coverage phase of each client at its release and saves every violation's counterexample. */
async function runScoreboard(args: ScoreboardArgs): Promise<number> {
  checkMilliseconds('--timeout', args.timeout)
  if (!Number.isInteger(args.last) || args.last < 1 || args.last > 20)
    throw new UsageError(`--last must be a whole number from 1 to 20, got ${args.last}`)
  const names = args.client?.length ? args.client : INSTALLABLE_CLIENTS.map((client) => client.name)
  const shard = parseShard(args.shard)
  const all = await entriesOf(names, args.last)
  const entries = shard ? all.filter((_, i) => i % shard.count === shard.index - 1) : all
  writeOut(
    `mcp-auth-harness scoreboard: ${entries.length} client(s) (${entries.join(', ')})${shard ? `, shard ${shard.index}/${shard.count} of ${all.length}` : ''} × ${PROPERTIES.length} properties, the coverage phase of each; ${args.timeout} ms a session\n`,
  )
  const clients: ClientUnderTest[] = []
  const expectedFailures: ExpectedFailure[] = []
  for (const entry of entries) {
    const resolved = await resolveClient(entry, { log: (line) => writeErr(`  ${line}\n`) })
    // Named with its release always: a column per client at a version, whichever is pinned.
    clients.push(entry.includes('@') ? { ...resolved.client, name: entry } : resolved.client)
    expectedFailures.push(...resolved.expectedFailures)
  }
  const removeSignalHandlers = onFatalSignal(() => void killLiveProcessGroups())
  try {
    const run = await runFuzz({
      clients,
      properties: PROPERTIES,
      runs: 1,
      phases: ['coverage'],
      seed: 0,
      timeoutMs: args.timeout,
      shrink: true,
      expectedFailures,
      reproduce: { flags: [`--timeout ${args.timeout}`] },
      onResult: (result) => {
        if (result.verdict === 'violated') writeOut(`  ✗ ${result.client} × ${result.property.id}\n`)
      },
    })
    // Every violation keeps its transcript, listed or not: each finding on the page links to one.
    const saved = new Map<PropertyResult, string>()
    if (args['found-dir'] !== 'none')
      for (const result of run.results.filter((r) => r.verdict === 'violated')) {
        const file = await saveCounterexample(result, args['found-dir'], {
          timeoutMs: args.timeout,
          flags: [`--timeout ${args.timeout}`],
        })
        saved.set(result, file)
        // Its upstream write-up beside it, as `report FILE --issue` prints it.
        await writeTextAtomically(issueFileOf(file), issueReport(await loadRecording(file), file))
      }
    const { report, redactors } = buildRunReport({
      results: run.results,
      clients,
      expectations: run.expectations,
      seed: 0,
      runs: 1,
      timeoutMs: args.timeout,
      ...(shard ? { shard } : {}),
      plan: { entries: all, properties: PROPERTIES.map((property) => property.id) },
      trials: run.stats.trials,
      stats: run.stats,
      startedAt: run.startedAt,
      durationMs: run.durationMs,
      flags: [`--timeout ${args.timeout}`],
      saved,
    })
    // A run a signal cut short is not presented: the signal's handler ends the process.
    await removeSignalHandlers()
    return await present(report, redactors, args)
  } finally {
    void removeSignalHandlers()
  }
}

/** Runs `scoreboard` and returns the exit code. */
export async function runScoreboardCommand(args: ScoreboardArgs): Promise<number> {
  for (const [flag, path] of [
    ['--json', args.json],
    ['--html', args.html],
    ['--markdown', args.markdown],
  ] as const)
    await checkOutputPath(flag, path)
  if (!args.json && !args.html && !args.markdown)
    throw new UsageError(
      'scoreboard writes --json FILE (the run), --html FILE and/or --markdown FILE (the findings page): name one',
    )
  if (args.render) {
    if (args.merge?.length || args.client?.length)
      throw new UsageError('--render takes a stored run only: no --merge, no --client')
    const { report, redactors } = await loadRunReport(args.render)
    return present(report, redactors, args)
  }
  if (args.merge?.length) {
    if (args.client?.length || args.shard) throw new UsageError("--merge takes the shards' run reports only")
    const loaded = await Promise.all(args.merge.map(loadRunReport))
    return present(
      mergeRunReports(
        loaded.map((l) => l.report),
        args.merge,
      ),
      loaded.flatMap((l) => l.redactors),
      args,
    )
  }
  return runScoreboard(args)
}

const module: CommandModule<object, ScoreboardArgs> = {
  command: 'scoreboard',
  describe:
    'Every built-in client at its newest release through the coverage phase: the findings page (docs/findings.md) and its run',
  builder: (yargs) =>
    yargs
      .option('client', {
        type: 'string',
        array: true,
        describe: 'Client(s) to run (default: every client installed from a registry: the five SDKs and five agent CLIs)',
      })
      .option('last', { type: 'number', default: 1, describe: 'Each installable client at its newest N releases' })
      .option('timeout', { type: 'number', default: SCOREBOARD_TIMEOUT_MS, describe: 'Per-session timeout in ms' })
      .option('shard', {
        type: 'string',
        describe: 'i/n: only every nth client, from the ith (a CI matrix job each); merge with --merge',
      })
      .option('merge', {
        type: 'string',
        array: true,
        describe: "The shards' run reports (scoreboard --shard i/n --json) as one",
      })
      .option('render', { type: 'string', describe: 'A stored run report: write its pages again without running anything' })
      .option('found-dir', {
        type: 'string',
        default: DEFAULT_FOUND_DIR,
        describe: "Where each finding's counterexample is saved (none: not saved)",
      })
      .option('json', { type: 'string', describe: 'Write the run report (- for stdout): what --merge and --render read' })
      .option('html', { type: 'string', describe: 'Write the run as an HTML page' })
      .option('markdown', { type: 'string', describe: 'Write the findings page (docs/findings.md)' })
      .example(
        '$0 scoreboard --json docs/scoreboard/run.json --markdown docs/findings.md',
        'every client, newest release; the page',
      )
      .example('$0 scoreboard --shard 2/5 --json shard-2.json', "one CI machine's share")
      .example(
        '$0 scoreboard --merge shard-*.json --json docs/scoreboard/run.json --markdown docs/findings.md --html scoreboard.html',
        'the shards as one',
      )
      .example(
        '$0 scoreboard --render docs/scoreboard/run.json --markdown docs/findings.md',
        'the page again from the stored run',
      ),
  handler: () => undefined, // run by cli.ts, which owns exit codes
}

export const scoreboardCommand: CliCommand<ScoreboardArgs> = { module, run: runScoreboardCommand }
