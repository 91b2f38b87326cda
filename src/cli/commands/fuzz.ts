import type { CommandModule } from 'yargs'
import type { CliCommand } from '../cli-command.js'
import type { ClientUnderTest } from '../../clients/client-under-test.js'
import type { Transport } from '../../config/client-config.js'
import { CONFIG_FORMATS } from '../../config/formats/registry.js'
import { DEFAULT_CLIENTS } from '../../clients/registry.js'
import { PROPERTIES } from '../../../properties/index.js'
import { resolveClients, selectProperties } from '../select.js'
import type { Property } from '../../property/property.js'
import { clientColumnWidth, counterexampleReport, expectationReport, tableHeader, tableRow } from '../../report/text-report.js'
import { DEFAULT_RUNS, DEFAULT_TIMEOUT_MS, fuzz, type PropertyResult } from '../../runner/fuzz.js'
import {
  checkExpectations,
  loadExpectedFailures,
  type Expectation,
  type ExpectedFailure,
} from '../../runner/expected-failures.js'
import { fileURLToPath } from 'node:url'
import { writeOut } from '../../runtime/process.js'
import { DEFAULT_FOUND_DIR, saveCounterexample } from '../../report/save-counterexample.js'
import { shellQuote } from '../../report/shell-quote.js'
import { EXIT, UsageError } from '../usage-error.js'

interface FuzzArgs {
  client?: string[]
  property?: string[]
  runs: number
  seed?: number
  path?: string
  timeout: number
  'config-format': string
  network: 'in-process' | 'real-port'
  transport?: Transport[]
  concurrency: number
  shrink: boolean
  'expected-failures': string
  'found-dir': string
}

/** The expected-failures file shipped with the package (the bundled SDK clients' known bugs). */
export const BUNDLED_EXPECTED_FAILURES = fileURLToPath(new URL('../../../../expected-failures.json', import.meta.url))

/** Flags beyond client, property, seed and path that a reproduce command must repeat. */
function reproduceFlags(args: FuzzArgs): string[] {
  return [
    `--timeout ${args.timeout}`,
    ...(args['config-format'] !== 'claude' ? [`--config-format ${args['config-format']}`] : []),
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

/** Runs the fuzzer as the CLI's `fuzz` command and returns the exit code. */
export async function runFuzzCommand(args: FuzzArgs): Promise<number> {
  if (!Number.isInteger(args.runs) || args.runs < 1)
    throw new UsageError(`--runs must be a positive whole number, got ${args.runs}`)
  if (!Number.isInteger(args.timeout) || args.timeout < 1)
    throw new UsageError(`--timeout must be a positive number of milliseconds, got ${args.timeout}`)
  if (args.seed !== undefined && !Number.isInteger(args.seed))
    throw new UsageError(`--seed must be a whole number, got ${args.seed}`)
  if (!Number.isInteger(args.concurrency) || args.concurrency < 1 || args.concurrency > 64)
    throw new UsageError(`--concurrency must be a whole number from 1 to 64, got ${args.concurrency}`)
  if (args.path !== undefined && !/^\d+(:\d+)*$/.test(args.path))
    throw new UsageError(`--path must look like "3:0:1" (as printed with a counterexample), got "${args.path}"`)
  const clients = adapt((await resolveClients(args.client, args['config-format'])) ?? DEFAULT_CLIENTS, args)
  const properties: readonly Property[] = selectProperties(args.property) ?? PROPERTIES
  const seed = args.seed ?? Math.floor(Math.random() * 2 ** 31)

  writeOut(
    `mcp-auth-harness fuzz: ${clients.length} client(s) × ${properties.length} propert${properties.length === 1 ? 'y' : 'ies'}, ${args.runs} trials each, seed ${seed}, timeout ${args.timeout} ms per trial\n\n`,
  )
  const expectedFile = args['expected-failures'] === 'none' ? undefined : args['expected-failures']
  const expected = expectedFile ? await loadExpectedFailures(expectedFile) : []
  const expectations = new Map<PropertyResult, Expectation>()
  const width = clientColumnWidth(clients.map((client) => client.name))
  writeOut(`${tableHeader(width)}\n`)
  const started = performance.now()
  const stats = { trials: 0 }
  const results = await fuzz({
    stats,
    clients,
    properties,
    runs: args.runs,
    seed,
    timeoutMs: args.timeout,
    concurrency: args.concurrency,
    shrink: args.shrink,
    known: (client, property) => expected.some((e) => e.client === client && e.property === property),
    ...(args.path === undefined ? {} : { path: args.path }),
    onResult: async (result) => {
      const [expectation] = (
        await checkExpectations([result], expected, (entry) => replayEntry(entry, clients, properties, args))
      ).values()
      if (expectation) expectations.set(result, expectation)
      writeOut(`${tableRow(result, width, expectation)}\n`)
    },
  })
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  const violated = results.filter((result) => result.verdict === 'violated' && !expectations.has(result))
  for (const result of violated) {
    writeOut(`\n${counterexampleReport(result, reproduceFlags(args))}\n`)
    if (args['found-dir'] !== 'none') {
      const file = await saveCounterexample(result, args['found-dir'], {
        flags: reproduceFlags(args),
        timeoutMs: args.timeout,
        configFormat: args['config-format'],
      })
      writeOut(`  saved: ${file} (replay it: npx mcp-auth-harness replay ${shellQuote(file)})\n`)
    }
  }
  for (const [result, expectation] of expectations)
    writeOut(`\n${expectationReport(result, expectation, expectedFile!, reproduceFlags(args))}\n`)
  const stale = [...expectations.values()].filter((e) => e.status === 'stale').length
  const known = expectations.size - stale
  const verdict = [
    violated.length === 0 ? 'no unexpected violation' : `${violated.length} client × property pair(s) VIOLATED`,
    ...(known > 0 ? [`${known} expected failure(s)`] : []),
    ...(stale > 0 ? [`${stale} STALE expected failure(s)`] : []),
  ].join(', ')
  writeOut(`\n${stats.trials} trials in ${seconds} s, each judged by every property: ${verdict}.\n`)
  return violated.length === 0 && stale === 0 ? EXIT.ok : EXIT.violated
}

/** Replays an expected failure's seed and path for its client and property, with this run's options. */
async function replayEntry(
  entry: ExpectedFailure,
  clients: readonly ClientUnderTest[],
  properties: readonly Property[],
  args: FuzzArgs,
) {
  const client = clients.find((c) => c.name === entry.client)!
  const property = properties.find((p) => p.id === entry.property)!
  const [result] = await fuzz({
    clients: [client],
    properties: [property],
    runs: args.runs,
    seed: entry.seed,
    path: entry.path,
    timeoutMs: args.timeout,
  })
  return result!
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
      .option('runs', { type: 'number', default: DEFAULT_RUNS, describe: 'Random trials per client × property' })
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
      .option('network', {
        type: 'string',
        choices: ['in-process', 'real-port'] as const,
        default: 'in-process' as const,
        describe:
          'Serve in-process clients through interception (fast) or on real 127.0.0.1 ports; cmd: clients always use real ports',
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
      .option('concurrency', { type: 'number', default: 1, describe: 'Trials at once for cmd: clients, each on its own ports' })
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
      ),
  handler: () => undefined, // run by cli.ts, which owns exit codes
}

export const fuzzCommand: CliCommand<FuzzArgs> = { module, run: runFuzzCommand }
