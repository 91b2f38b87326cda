import type { CommandModule } from 'yargs'
import { PROPERTIES } from '../../../properties/index.js'
import type { Property } from '../../property/property.js'
import { ProgressBar } from '../../report/progress-bar.js'
import { clientColumnWidth, tableHeader, tableRow } from '../../report/text-report.js'
import { verdictMatrix } from '../../report/verdict-matrix.js'
import type { Expectation } from '../../runner/expected-failures.js'
import { runFuzz } from '../../library/fuzz-run.js'
import type { FuzzStats, PropertyResult } from '../../runner/fuzz.js'
import { killLiveProcessGroups } from '../../runtime/child-process.js'
import { removeLiveTempDirs } from '../../runtime/files.js'
import { onFatalSignal, writeErr, writeOut } from '../../runtime/process.js'
import type { CliCommand } from '../cli-command.js'
import { selectProperties } from '../select.js'
import { EXIT } from '../usage-error.js'
import { checkedFlags, expectedFailuresFor, fuzzClients, reproduceFlags, type FuzzArgs } from './fuzz-flags.js'
import { fuzzOptions } from './fuzz-options.js'
import { printRunHeader, printRunResults, writeRun, type RunSettings } from './fuzz-output.js'

export { parsePhases, parseShard } from './fuzz-flags.js'

/** Runs the fuzzer as the CLI's `fuzz` command and returns the exit code. */
export async function runFuzzCommand(args: FuzzArgs): Promise<number> {
  const { shard, phases, minExercised } = await checkedFlags(args)
  const resolved = await fuzzClients(args)
  const clients = resolved.map((r) => r.client)
  const properties: readonly Property[] = selectProperties(args.property) ?? PROPERTIES
  const seed = args.seed ?? Math.floor(Math.random() * 2 ** 31)
  // With --json, stdout carries the one JSON document and nothing else.
  const out = args.json ? () => undefined : writeOut

  printRunHeader(out, args, { clients, properties, phases, seed, shard })
  const expected = await expectedFailuresFor(args, resolved)
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
  const settings: RunSettings = { args, clients, properties, expectations, seed, shard, minExercised, stats, startedAt, out }
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
    const report = await writeRun(settings, [...finished], new Map(), Math.round(performance.now() - started), {
      signal,
      totalPairs,
    })
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
    ...(args['found-dir'] === 'none' || !args.examples ? {} : { examplesDir: args['found-dir'] }),
    reproduce: { flags: reproduceFlags(args), configFormat: args['config-format'] },
    onResult: (result, expectation) => {
      if (expectation) expectations.set(result, expectation)
      finished.push(result)
      progress?.clear()
      verbose(`${tableRow(result, width, expectation)}\n`)
      progress?.update(++done, `${result.client} × ${result.property.id}`)
    },
  })
  // Interrupted: the trials left ended at once (nothing starts after the signal); the handler's
  // partial reports are the run's, so nothing is printed or written here.
  await removeSignalHandlers()
  progress?.clear()
  const { results, saved } = run
  const durationMs = Math.round(performance.now() - started)
  printRunResults(out, args, run, expectations, minExercised, durationMs)

  const report = await writeRun(settings, results, saved, durationMs)
  return report.exitCode === 0 ? EXIT.ok : EXIT.violated
}

const module: CommandModule<object, FuzzArgs> = {
  command: 'fuzz',
  describe: 'Property-test MCP clients against random configs and mock servers',
  builder: (yargs) => fuzzOptions(yargs),
  handler: () => undefined, // run by cli.ts, which owns exit codes
}

export const fuzzCommand: CliCommand<FuzzArgs> = { module, run: runFuzzCommand }
