import type { CommandModule } from 'yargs'
import type { CliCommand } from '../cli-command.js'
import { PROPERTIES } from '../../../properties/index.js'
import type { Property } from '../../property/property.js'
import { DEFAULT_RUNS, DEFAULT_TIMEOUT_MS, type PropertyResult } from '../../runner/fuzz.js'
import { cpuCount, onFatalSignal, writeErr, writeOut } from '../../runtime/process.js'
import { killLiveProcessGroups } from '../../runtime/child-process.js'
import { removeLiveTempDirs, writeTextAtomically } from '../../runtime/files.js'
import { buildRunReport } from '../../report/run-report.js'
import type { RunReport } from '../../report/run-report-schema.js'
import type { Redactor } from '../../recording/redactor.js'
import { runReportJson, writeReports } from '../../report/write-reports.js'
import { loadRunReport } from '../../report/load-run-report.js'
import { mergeRunReports } from '../../report/merge-run-reports.js'
import { versionMatrixLines } from '../../report/version-matrix.js'
import { installableNamed, supportedVersions } from '../../versions/installable-named.js'
import { parseVersionList } from '../../versions/version-range.js'
import { combinedStats, runMatrix } from '../../versions/run-matrix.js'
import { checkMilliseconds } from '../check-number-options.js'
import { checkOutputPath } from '../check-output-path.js'
import { selectProperties } from '../select.js'
import { EXIT, UsageError } from '../usage-error.js'
import { InputError } from '../../core/errors.js'
import { parsePhases, parseShard } from './fuzz.js'

interface MatrixArgs {
  client?: string
  versions?: string
  property?: string[]
  phases?: string
  runs: number
  seed?: number
  timeout: number
  shrink: boolean
  jobs?: number
  shard?: string
  json?: string
  html?: string
  merge?: string[]
}

/** Prints the table and writes the files asked for; the exit code is the run's (0 all held, 1 a violation or nothing judged). */
async function present(report: RunReport, redactors: readonly Redactor[], args: MatrixArgs): Promise<number> {
  const toStdout = args.json === '-'
  const say = toStdout ? writeErr : writeOut
  say(`\n${versionMatrixLines(report).join('\n')}\n`)
  if (args.html) {
    await writeReports(report, redactors, { html: args.html })
    say(`wrote ${args.html}\n`)
  }
  if (args.json) {
    const json = runReportJson(report, redactors)
    if (toStdout) writeOut(json)
    else {
      await writeTextAtomically(args.json, json)
      say(`wrote ${args.json}\n`)
    }
  }
  return report.exitCode === 0 ? EXIT.ok : EXIT.violated
}

/** `matrix --merge`: the shards' reports (`matrix --shard I/N --json`) as one table. */
async function runMerge(files: readonly string[], args: MatrixArgs): Promise<number> {
  if (args.client || args.versions)
    throw new UsageError("--merge takes the shards' reports only: their client and versions are in them")
  const loaded = await Promise.all(files.map(loadRunReport))
  loaded.forEach(({ report }, i) => {
    if (report.plan && !report.plan.versions)
      throw new InputError(`${files[i]}: a fuzz report, not a matrix shard (merge fuzz shards with: report merge)`)
  })
  const report = mergeRunReports(
    loaded.map((l) => l.report),
    files,
  )
  return present(
    report,
    loaded.flatMap((l) => l.redactors),
    args,
  )
}

/** Runs `matrix` and returns the exit code. */
export async function runMatrixCommand(args: MatrixArgs): Promise<number> {
  for (const [flag, path] of [
    ['--json', args.json],
    ['--html', args.html],
  ] as const)
    await checkOutputPath(flag, path)
  if (args.merge?.length) return runMerge(args.merge, args)
  if (!args.client || !args.versions)
    throw new UsageError('matrix needs --client NAME and --versions LIST|last:N (or --merge SHARD.json…)')
  const client = installableNamed(args.client, 'matrix')
  checkMilliseconds('--timeout', args.timeout)
  if (!Number.isInteger(args.runs) || args.runs < 1)
    throw new UsageError(`--runs must be a positive whole number, got ${args.runs}`)
  if (args.jobs !== undefined && (!Number.isInteger(args.jobs) || args.jobs < 1 || args.jobs > 16))
    throw new UsageError(`--jobs must be a whole number from 1 to 16, got ${args.jobs}`)
  const phases = parsePhases(args.phases ?? 'coverage', undefined)
  const shard = parseShard(args.shard)
  if (shard && phases.includes('random') && args.seed === undefined)
    throw new UsageError('--shard with a random phase needs --seed: every shard must draw the same trials')
  const properties: readonly Property[] = selectProperties(args.property) ?? PROPERTIES
  const named = args.versions.trim().startsWith('last:') ? [] : args.versions.split(',').map((v) => v.trim())
  const all = parseVersionList(args.versions, await supportedVersions(client, named), client.name)
  // A CI matrix spreads the versions: version i goes to shard (i mod n) + 1.
  const versions = shard ? all.filter((_, i) => i % shard.count === shard.index - 1) : all
  const seed = args.seed ?? (phases.includes('random') ? Math.floor(Math.random() * 2 ** 31) : 0)
  const jobs = args.jobs ?? cpuCount()
  writeOut(
    `mcp-auth-harness matrix: ${client.name} × ${versions.length} version(s) (${versions.join(', ')})${shard ? `, shard ${shard.index}/${shard.count} of ${all.length}` : ''} × ${properties.length} propert${properties.length === 1 ? 'y' : 'ies'}; on each: ${phases.includes('coverage') ? 'the coverage phase' : ''}${phases.length === 2 ? ', then ' : ''}${phases.includes('random') ? `${args.runs} random trials (seed ${seed})` : ''}; ${jobs} install(s) ahead\n`,
  )
  const startedAt = new Date().toISOString()
  const started = performance.now()
  const finished: PropertyResult[] = []
  const removeSignalHandlers = onFatalSignal((signal) => {
    const stopped = killLiveProcessGroups()
    const removed = removeLiveTempDirs()
    writeErr(
      `\nmcp-auth-harness: ${signal}: stopped ${stopped} process group(s), removed ${removed} unfinished folder(s); the cache keeps only complete installs; ${finished.length} version × property cells had finished\n`,
    )
  })
  try {
    const outcomes = await runMatrix({
      client,
      versions,
      properties,
      phases,
      runs: args.runs,
      seed,
      timeoutMs: args.timeout,
      shrink: args.shrink,
      jobs,
      log: (line) => writeErr(`  ${line}\n`),
      onVersion: (version, outcome) => {
        if (outcome.kind === 'unavailable') return writeOut(`  ${version.padEnd(12)} could not run: ${outcome.reason}\n`)
        finished.push(...outcome.results)
        const violated = outcome.results.filter((r) => r.verdict === 'violated').length
        const held = outcome.results.filter((r) => r.verdict === 'held').length
        writeOut(
          `  ${version.padEnd(12)} ${held} held, ${violated} violated, ${outcome.results.length - held - violated} not exercised (${outcome.trials} sessions)\n`,
        )
      },
    })
    const ran = [...outcomes.values()].flatMap((o) => (o.kind === 'ran' ? [o] : []))
    const stats = combinedStats(ran.map((o) => o.stats))
    const { report, redactors } = buildRunReport({
      results: ran.flatMap((o) => o.results),
      clients: ran.map((o) => o.client),
      expectations: new Map(),
      seed,
      runs: args.runs,
      timeoutMs: args.timeout,
      ...(shard ? { shard } : {}),
      plan: { clients: [client.name], versions: all, properties: properties.map((property) => property.id) },
      trials: stats.trials,
      stats,
      startedAt,
      durationMs: Math.round(performance.now() - started),
      flags: [`--timeout ${args.timeout}`],
    })
    const unavailable = [...outcomes].flatMap(([version, o]) =>
      o.kind === 'unavailable' ? [{ name: `${client.name}@${version}`, version, unavailable: o.reason }] : [],
    )
    if (unavailable.length > 0) report.clients = [...(report.clients ?? []), ...unavailable]
    // A run a signal cut short is not presented: the signal's handler ends the process.
    await removeSignalHandlers()
    return await present(report, redactors, args)
  } finally {
    void removeSignalHandlers()
  }
}

const module: CommandModule<object, MatrixArgs> = {
  command: 'matrix',
  describe: 'Run the same search on many releases of a client: a property × version table (text, JSON, HTML)',
  builder: (yargs) =>
    yargs
      .option('client', { type: 'string', describe: 'An installed client (python-sdk, go-sdk, claude-code, …); no version' })
      .option('versions', { type: 'string', describe: 'Comma-separated released versions, or last:N for the newest N' })
      .option('property', { type: 'string', array: true, describe: 'Property id(s); default: all' })
      .option('phases', {
        type: 'string',
        describe: 'coverage (default: deterministic, no seed needed), random, or coverage,random',
      })
      .option('runs', {
        type: 'number',
        default: DEFAULT_RUNS,
        describe: 'Random-phase trials per version (with --phases …random)',
      })
      .option('seed', { type: 'number', describe: 'Seed of the random phase' })
      .option('timeout', { type: 'number', default: DEFAULT_TIMEOUT_MS, describe: 'Per-session timeout in ms' })
      .option('shrink', {
        type: 'boolean',
        default: false,
        describe: 'Shrink each violation (slower; the table needs only the verdict)',
      })
      .option('jobs', { type: 'number', describe: 'Installs run ahead of the version under test (default: the number of cores)' })
      .option('shard', {
        type: 'string',
        describe: 'i/n: only every nth version, from the ith (a CI matrix job each); merge with --merge',
      })
      .option('json', {
        type: 'string',
        describe: 'Write the run report (schema/run-report.schema.json, a client per version) here; - for stdout',
      })
      .option('html', {
        type: 'string',
        describe: 'Write one self-contained HTML page: verdicts by version, each violation as a diagram',
      })
      .option('merge', {
        type: 'string',
        array: true,
        describe: "The shards' --json reports: print and write them as one matrix",
      })
      .example('$0 matrix --client go-sdk --versions last:6', 'every property over the six newest go-sdk releases')
      .example(
        '$0 matrix --client python-sdk --versions 1.10.0,1.20.0,2.3.0 --property client-registration --html m.html',
        'one rule, three releases, a page',
      )
      .example('$0 matrix --client claude-code --versions last:8 --shard 2/4 --json m2.json', 'CI: the second of four jobs')
      .example('$0 matrix --merge m1.json m2.json m3.json m4.json --html matrix.html', 'the jobs as one table')
      .epilogue('Exit codes: 0 every property held in every version, 1 a violation (or nothing judged), 2 usage or input error.'),
  handler: () => undefined,
}

export const matrixCommand: CliCommand<MatrixArgs> = { module, run: runMatrixCommand }
