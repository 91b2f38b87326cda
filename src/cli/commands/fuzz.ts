import { join } from 'node:path'
import { existsSync } from 'node:fs'
import type { CommandModule } from 'yargs'
import type { CliCommand } from '../cli-command.js'
import type { ClientUnderTest } from '../../clients/client-under-test.js'
import type { Transport } from '../../core/client-config.js'
import { CONFIG_FORMATS } from '../../config/formats/registry.js'
import { CLIENT_READS, type ClientReads } from '../../clients/command-client.js'
import { splitVersionedName } from '../../clients/versioned-name.js'
import { DEFAULT_CLIENTS } from '../../clients/registry.js'
import { PROPERTIES } from '../../../properties/index.js'
import { resolveClients, selectProperties } from '../select.js'
import type { Property } from '../../property/property.js'
import { clientColumnWidth, counterexampleReport, expectationReport, tableHeader, tableRow } from '../../report/text-report.js'
import { DEFAULT_RUNS, DEFAULT_TIMEOUT_MS, PHASES, type FuzzStats, type Phase, type PropertyResult } from '../../runner/fuzz.js'
import { coverageInputs } from '../../coverage/coverage-inputs.js'
import { expectedFailureLines, findingLine, runSummaryLine } from '../../report/findings.js'
import { MATRIX_LEGEND, verdictMatrix } from '../../report/verdict-matrix.js'
import { loadExpectedFailures, type Expectation } from '../../runner/expected-failures.js'
import { runFuzz, type FuzzRun } from '../../runner/fuzz-run.js'
import { fileURLToPath } from 'node:url'
import { onFatalSignal, writeErr, writeOut } from '../../runtime/process.js'
import { killLiveProcessGroups } from '../../runtime/child-process.js'
import { packageRoot, removeLiveTempDirs } from '../../runtime/files.js'
import { checkOutputPath } from '../check-output-path.js'
import { DEFAULT_FOUND_DIR } from '../../report/save-counterexample.js'
import { shellQuote } from '../../report/shell-quote.js'
import { ProgressBar } from '../../report/progress-bar.js'
import { buildRunReport, judgedNothing } from '../../report/run-report.js'
import { runReportJson, writeReports } from '../../report/write-reports.js'
import { EXIT, UsageError } from '../usage-error.js'
import { checkMilliseconds } from '../check-number-options.js'
import { pathProblem } from '../../runner/replay-path.js'

interface FuzzArgs {
  client?: string[]
  property?: string[]
  runs: number
  seed?: number
  path?: string
  timeout: number
  'config-format': string
  'client-reads'?: ClientReads[]
  'session-loop'?: boolean
  'fail-fast'?: boolean
  network: 'in-process' | 'real-port'
  transport?: Transport[]
  concurrency?: number
  shrink: boolean
  'expected-failures': string
  'found-dir': string
  shard?: string
  json: boolean
  junit?: string
  'checks-dir'?: string
  summary?: string
  html?: string
  phases?: string
  'min-exercised'?: number
  verbose: boolean
}

/** `--phases coverage,random` → the phases in run order; anything else is a usage error. */
export function parsePhases(text: string | undefined, path: string | undefined): readonly Phase[] {
  if (text === undefined) return path === undefined ? PHASES : ['random']
  const named = text.split(',').map((p) => p.trim())
  const unknown = named.filter((p) => !PHASES.includes(p as Phase))
  if (named.length === 0 || unknown.length > 0)
    throw new UsageError(`--phases takes a comma-separated list of ${PHASES.join(', ')}, got "${text}"`)
  if (path !== undefined && named.includes('coverage'))
    throw new UsageError('--path replays a random-phase trial: use it with --phases random (or without --phases)')
  return PHASES.filter((p) => named.includes(p))
}

/** The expected-failures file shipped with the package (the bundled SDK clients' known bugs). */
export const BUNDLED_EXPECTED_FAILURES = fileURLToPath(new URL('../../../../expected-failures.json', import.meta.url))

/** A built-in client's own expected failures, shipped as `expected-failures/NAME.json`, when there is one. */
function clientExpectedFailuresFile(name: string): string | undefined {
  if (!/^[a-z0-9-]+$/.test(name)) return undefined
  const file = join(packageRoot(), 'expected-failures', `${name}.json`)
  return existsSync(file) ? file : undefined
}

/** Flags beyond client, property, seed and path that a reproduce command must repeat. */
function reproduceFlags(args: FuzzArgs): string[] {
  return [
    `--timeout ${args.timeout}`,
    ...(args['config-format'] !== 'claude' ? [`--config-format ${args['config-format']}`] : []),
    ...(args['client-reads'] ?? []).map((what) => `--client-reads ${what}`),
    ...(args['session-loop'] ? ['--session-loop'] : []),
    ...(args.network !== 'in-process' ? [`--network ${args.network}`] : []),
    ...(args.shrink ? [] : ['--no-shrink']),
    ...(args.transport ?? []).map((t) => `--transport ${t}`),
  ]
}

/** Applies --network and --transport to the chosen clients. */
function adapt(clients: readonly ClientUnderTest[], args: FuzzArgs): ClientUnderTest[] {
  return clients.map((client) => {
    const transports = args.transport ? client.transports.filter((t) => args.transport!.includes(t)) : client.transports
    if (transports.length === 0)
      throw new UsageError(`client ${client.name} speaks none of --transport ${args.transport!.join(', ')}`)
    const network = client.network === 'real-port' ? 'real-port' : args.network
    return { ...client, transports, network }
  })
}

/** `--shard 2/4` → { index: 2, count: 4 }; anything else is a usage error. */
export function parseShard(text: string | undefined): { index: number; count: number } | undefined {
  if (text === undefined) return undefined
  const match = /^(\d+)\/(\d+)$/.exec(text)
  const index = Number(match?.[1])
  const count = Number(match?.[2])
  if (!match || count < 1 || index < 1 || index > count)
    throw new UsageError(`--shard must be i/n with 1 ≤ i ≤ n (e.g. 2/4), got "${text}"`)
  return { index, count }
}

/** Checks every flag before anything runs (a bad flag is exit 2, never half a run); returns what they parse to. */
async function checkedFlags(args: FuzzArgs) {
  if (!Number.isInteger(args.runs) || args.runs < 1)
    throw new UsageError(`--runs must be a positive whole number, got ${args.runs}`)
  checkMilliseconds('--timeout', args.timeout)
  if (args.seed !== undefined && !Number.isInteger(args.seed))
    throw new UsageError(`--seed must be a whole number, got ${args.seed}`)
  if (args.concurrency !== undefined && (!Number.isInteger(args.concurrency) || args.concurrency < 1 || args.concurrency > 64))
    throw new UsageError(`--concurrency must be a whole number from 1 to 64, got ${args.concurrency}`)
  const badPath = args.path === undefined ? undefined : pathProblem(args.path)
  if (badPath) throw new UsageError(`--path "${args.path!.slice(0, 80)}": ${badPath}`)
  const shard = parseShard(args.shard)
  const phases = parsePhases(args.phases, args.path)
  const minExercised = args['min-exercised']
  if (minExercised !== undefined && (!Number.isInteger(minExercised) || minExercised < 1))
    throw new UsageError(`--min-exercised must be a positive whole number, got ${minExercised}`)
  if (shard && args.seed === undefined)
    throw new UsageError('--shard needs --seed: every shard must draw from the same sequence (e.g. --seed $GITHUB_RUN_ID)')
  for (const [flag, path, kind] of [
    ['--junit', args.junit, 'file'],
    ['--summary', args.summary, 'file'],
    ['--html', args.html, 'file'],
    ['--checks-dir', args['checks-dir'], 'dir'],
    ['--found-dir', args['found-dir'] === 'none' ? undefined : args['found-dir'], 'dir'],
  ] as const) {
    await checkOutputPath(flag, path, kind)
  }
  return { shard, phases, minExercised }
}

/** What a finished run prints: the matrix and a line per finding (or `--verbose`'s reports), the guards, the last line. */
function printRunResults(
  out: (text: string) => void,
  args: FuzzArgs,
  run: FuzzRun,
  expectations: ReadonlyMap<PropertyResult, Expectation>,
  minExercised: number | undefined,
  durationMs: number,
): void {
  const { results, violated, saved, stats } = run
  const expectedFile = args['expected-failures']
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
    out(`--fail-fast: ${client} stopped at its first unexpected violation (${stop.property}); ${stop.notJudged} of its properties not judged\n`)
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
    `\n${runSummaryLine({ results, expectations, violated, trials: stats.trials, phases: stats.phases, outcomes: stats.outcomes, durationMs, underExercised: underExercised.length })}\n`,
  )
}

/** Runs the fuzzer as the CLI's `fuzz` command and returns the exit code. */
export async function runFuzzCommand(args: FuzzArgs): Promise<number> {
  const { shard, phases, minExercised } = await checkedFlags(args)
  const clients = adapt((await resolveClients(args.client, {
      configFormat: args['config-format'],
      ...(args['client-reads'] ? { reads: args['client-reads'] } : {}),
      ...(args['session-loop'] ? { sessionLoop: true } : {}),
    })) ?? DEFAULT_CLIENTS, args)
  const properties: readonly Property[] = selectProperties(args.property) ?? PROPERTIES
  const seed = args.seed ?? Math.floor(Math.random() * 2 ** 31)
  // With --json, stdout carries the one JSON document and nothing else.
  const out = args.json ? () => undefined : writeOut

  const coverageSizes = phases.includes('coverage') ? clients.map((client) => coverageInputs(client).length) : []
  const phaseText = [
    ...(phases.includes('coverage')
      ? [`coverage phase (${[...new Set(coverageSizes)].join('/')} inputs per client, the same every run)`]
      : []),
    ...(phases.includes('random') ? [`${args.runs} random trials per client (seed ${seed})`] : []),
  ].join(', then ')
  out(
    `mcp-auth-harness fuzz: ${clients.length} client(s) × ${properties.length} propert${properties.length === 1 ? 'y' : 'ies'}: ${phaseText}${shard ? `; shard ${shard.index}/${shard.count} (every ${shard.count}th input)` : ''}; timeout ${args.timeout} ms per trial\n`,
  )
  // What an installed client resolved: the question after a finding is which release of what.
  for (const client of clients.filter((c) => c.releasedAt || Object.keys(c.dependencies ?? {}).length > 0)) {
    const resolved = Object.entries(client.dependencies ?? {}).map(([name, version]) => `${name} ${version}`)
    out(
      `  ${client.name} ${client.version}${client.releasedAt ? `, released ${client.releasedAt.slice(0, 10)}` : ''}${resolved.length ? `: ${resolved.join(', ')}` : ''}\n`,
    )
  }
  out('\n')
  const expectedFile = args['expected-failures'] === 'none' ? undefined : args['expected-failures']
  const expected = expectedFile ? await loadExpectedFailures(expectedFile) : []
  // With the bundled file, each built-in client's own list comes too (expected-failures/NAME.json).
  if (expectedFile === BUNDLED_EXPECTED_FAILURES)
    for (const client of clients) {
      const own = clientExpectedFailuresFile(splitVersionedName(client.name).name)
      if (own) expected.push(...(await loadExpectedFailures(own)))
    }
  const expectations = new Map<PropertyResult, Expectation>()
  const width = clientColumnWidth(clients.map((client) => client.name))
  // --verbose streams the full table as results come; the default prints one matrix at the end.
  const verbose = args.verbose ? out : () => undefined
  verbose(`${tableHeader(width)}\n`)
  const startedAt = new Date().toISOString()
  const started = performance.now()
  const stats: FuzzStats & { trials: number } = { trials: 0 }
  const progress = ProgressBar.forTerminal(clients.length * properties.length)
  let done = 0
  const finished: PropertyResult[] = []
  /** Builds the run report and writes every report file asked for (and `--json`). */
  const writeRun = async (
    results: readonly PropertyResult[],
    saved: ReadonlyMap<PropertyResult, string>,
    durationMs: number,
    incomplete?: { signal: 'SIGINT' | 'SIGTERM'; totalPairs: number },
  ) => {
    const { report, redactors } = buildRunReport({
      results,
      clients,
      expectations,
      saved,
      seed,
      runs: args.runs,
      timeoutMs: args.timeout,
      ...(shard ? { shard } : {}),
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
  // Ctrl-C or SIGTERM: no client process outlives the run, no config file with headers stays in
  // /tmp, and the reports hold what finished, marked incomplete.
  const removeSignalHandlers = onFatalSignal(async (signal) => {
    const stopped = killLiveProcessGroups()
    const removed = removeLiveTempDirs()
    progress?.clear()
    const totalPairs = clients.length * properties.length
    writeErr(
      `\nmcp-auth-harness: ${signal}: stopped ${stopped} client process group(s), removed ${removed} temporary folder(s); ${finished.length} of ${totalPairs} client × property pairs had finished\n`,
    )
    if (finished.length > 0 && !args.json) out(`${verdictMatrix(finished, expectations).join('\n')}\n`)
    const report = await writeRun([...finished], new Map(), Math.round(performance.now() - started), { signal, totalPairs })
    if (args.junit || args['checks-dir'] || args.summary || args.html || args.json)
      writeErr(`mcp-auth-harness: the reports written hold those ${report.results.length} pairs and are marked incomplete\n`)
    // Trials went on starting while the reports were written: sweep once more before exiting.
    killLiveProcessGroups()
    removeLiveTempDirs()
  })
  // The policy (expected failures, STALE replays, saved counterexamples) is the library's too: runFuzz.
  const run = await runFuzz({
    stats,
    clients,
    properties,
    runs: args.runs,
    phases,
    seed,
    timeoutMs: args.timeout,
    ...(args.concurrency === undefined ? {} : { concurrency: args.concurrency }),
    shrink: args.shrink,
    ...(args['fail-fast'] ? { failFast: true } : {}),
    ...(shard ? { shard } : {}),
    ...(args.path === undefined ? {} : { path: args.path }),
    expectedFailures: expected,
    ...(args['found-dir'] === 'none' ? {} : { foundDir: args['found-dir'] }),
    reproduce: { flags: reproduceFlags(args), configFormat: args['config-format'] },
    onResult: (result, expectation) => {
      if (expectation) expectations.set(result, expectation)
      finished.push(result)
      progress?.clear()
      verbose(`${tableRow(result, width, expectation)}\n`)
      progress?.update(++done, `${result.client} × ${result.property.id}`)
    },
  })
  progress?.clear()
  const { results, saved } = run
  const durationMs = Math.round(performance.now() - started)
  printRunResults(out, args, run, expectations, minExercised, durationMs)

  removeSignalHandlers()
  const report = await writeRun(results, saved, durationMs)
  return report.exitCode === 0 ? EXIT.ok : EXIT.violated
}

const module: CommandModule<object, FuzzArgs> = {
  command: 'fuzz',
  describe: 'Property-test MCP clients against random configs and mock servers',
  builder: (yargs) =>
    yargs
      .option('client', {
        type: 'string',
        array: true,
        describe: 'Client(s) to test: a name (see `list`), cmd:COMMAND or module:PATH; default: the SDK clients (v1 and v2)',
      })
      .option('property', { type: 'string', array: true, describe: 'Property id(s) to check (see `list`); default: all' })
      .option('runs', {
        type: 'number',
        default: DEFAULT_RUNS,
        describe: 'Random-phase trials per client (the coverage phase before it has a fixed size)',
      })
      .option('phases', {
        type: 'string',
        describe:
          'Comma-separated phases to run, in order: coverage (deterministic: named scenarios, OAuth base choices, every pair of dimension values), random (fast-check, --runs trials of --seed); default: coverage,random',
      })
      .option('min-exercised', {
        type: 'number',
        describe: 'Fail the run (exit 1) when a selected property was exercised by fewer than N trials of some client',
      })
      .option('verbose', {
        type: 'boolean',
        default: false,
        describe: 'The full table as results come, each counterexample with its traffic, each expected failure explained',
      })
      .option('seed', { type: 'number', describe: 'fast-check seed; the same seed replays the same trials' })
      .option('path', {
        type: 'string',
        describe: 'Counterexample path printed with a failure; replays just that trial (with its --seed)',
      })
      .option('timeout', {
        type: 'number',
        default: DEFAULT_TIMEOUT_MS,
        describe: 'Per-trial timeout in ms; a hang is reported with its partial traffic',
      })
      .option('config-format', {
        type: 'string',
        choices: CONFIG_FORMATS.map((f) => f.name),
        default: 'claude',
        describe: 'For cmd: clients, the format of the config file written per trial ({config})',
      })
      .option('client-reads', {
        type: 'string',
        array: true,
        choices: CLIENT_READS,
        describe:
          'For cmd: clients, what the program reads beyond URL, headers and transport: oauth-client-id (a pre-registered OAuth client); nothing else is written',
      })
      .option('session-loop', {
        type: 'boolean',
        describe:
          'For cmd: clients: start the program once per concurrent trial and give it one session per line on its standard input (MCP_SESSION_LOOP=1; see "Session loop" in the README) instead of once per trial',
      })
      .option('network', {
        type: 'string',
        choices: ['in-process', 'real-port'] as const,
        default: 'in-process' as const,
        describe:
          'Serve in-process clients through interception (fast) or on real 127.0.0.1 ports; cmd: clients always use real ports',
      })
      .option('fail-fast', {
        type: 'boolean',
        describe:
          "Stop each client at its first unexpected violation: that property is reported (shrunk), the client's others are not judged (for slow clients in CI)",
      })
      .option('shrink', {
        type: 'boolean',
        default: true,
        describe:
          'Shrink failures to a minimal counterexample (--no-shrink: report the first failure as found, for slow clients)',
      })
      .option('expected-failures', {
        type: 'string',
        default: BUNDLED_EXPECTED_FAILURES,
        defaultDescription: 'the bundled expected-failures.json',
        describe:
          'Known violations (client, property, seed, path, reason): reported as expected; a listed one that no longer reproduces fails the run. "none" to ignore',
      })
      .option('found-dir', {
        type: 'string',
        default: DEFAULT_FOUND_DIR,
        describe: 'Where each unexpected violation is saved as a counterexample recording (+ .curl.sh); "none" to save nothing',
      })
      .option('shard', {
        type: 'string',
        describe: 'i/n: run only this shard of the trials (needs --seed; n jobs with the same seed run disjoint trials)',
      })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'Print one JSON document (schema/run-report.schema.json) on stdout instead of the text report',
      })
      .option('junit', { type: 'string', describe: 'Write JUnit XML here: a testcase per client × property' })
      .option('checks-dir', {
        type: 'string',
        describe: 'Write conformance-suite-shaped DIR/<client>/checks.json (id, status, specReferences, details)',
      })
      .option('summary', {
        type: 'string',
        describe: 'Append a Markdown summary with Mermaid sequence diagrams here (e.g. "$GITHUB_STEP_SUMMARY")',
      })
      .option('html', {
        type: 'string',
        describe:
          'Write one self-contained HTML report here: verdict matrix, each finding as a sequence diagram, request details, statistics',
      })
      .option('concurrency', {
        type: 'number',
        describe:
          'Trials at once, each on its own ports (default: two per core for session loops: the SDK adapters, cmd: with --session-loop; one per core for other clients in other processes: agent CLIs, cmd:; 1 in process)',
      })
      .option('transport', {
        type: 'string',
        array: true,
        choices: ['streamable-http', 'sse'] as const,
        describe: 'Only these transports',
      })
      .example('$0 fuzz', 'fuzz the bundled SDK clients over both transports')
      .example('$0 fuzz --client faulty:drops-headers', 'show a caught bug: a client that ignores configured headers')
      .example('$0 fuzz --client sdk-sse --property headers-always-sent --runs 500', 'one client, one property, more trials')
      .example(
        '$0 fuzz --client faulty:drops-headers --property headers-always-sent --seed 42 --path "0:0"',
        'replay a printed counterexample',
      )
      .example(
        '$0 fuzz --seed 7 --shard 2/4 --junit junit-2.xml --summary "$GITHUB_STEP_SUMMARY"',
        'CI: the second of four shards, with a JUnit report and a job summary',
      )
      .example('$0 fuzz --client faulty:drops-headers --html report.html', 'a report to open in a browser (works offline)')
      .example('$0 fuzz --json > report.json', 'one JSON document, for scripts')
      .example('$0 fuzz --client python-sdk --fail-fast', 'a slow client: stop at its first unexpected violation')
      .example(
        '$0 fuzz --client cmd:./my-client.sh --phases coverage --concurrency 2',
        'a slow client: the coverage phase only, two at a time',
      )
      .example(
        '$0 fuzz --client sdk-streamable --property session-id-echoed --min-exercised 20',
        'fail unless the property was really judged 20 times',
      ),
  handler: () => undefined, // run by cli.ts, which owns exit codes
}

export const fuzzCommand: CliCommand<FuzzArgs> = { module, run: runFuzzCommand }
