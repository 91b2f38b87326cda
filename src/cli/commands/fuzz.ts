import type { CommandModule } from 'yargs'
import type { CliCommand } from '../cli-command.js'
import type { ClientUnderTest } from '../../clients/client-under-test.js'
import { SDK_CLIENTS } from '../../clients/sdk-clients.js'
import { PROPERTIES } from '../../../properties/index.js'
import { selectClients, selectProperties } from '../select.js'
import type { Property } from '../../property/property.js'
import { counterexampleReport, tableHeader, tableRow } from '../../report/text-report.js'
import { DEFAULT_RUNS, DEFAULT_TIMEOUT_MS, fuzz } from '../../runner/fuzz.js'
import { writeOut } from '../../runtime/process.js'
import { EXIT, UsageError } from '../usage-error.js'

interface FuzzArgs {
  client?: string[]
  property?: string[]
  runs: number
  seed?: number
  path?: string
  timeout: number
}

/** Runs the fuzzer as the CLI's `fuzz` command and returns the exit code. */
export async function runFuzzCommand(args: FuzzArgs): Promise<number> {
  if (!Number.isInteger(args.runs) || args.runs < 1)
    throw new UsageError(`--runs must be a positive whole number, got ${args.runs}`)
  if (!Number.isInteger(args.timeout) || args.timeout < 1)
    throw new UsageError(`--timeout must be a positive number of milliseconds, got ${args.timeout}`)
  if (args.seed !== undefined && !Number.isInteger(args.seed))
    throw new UsageError(`--seed must be a whole number, got ${args.seed}`)
  if (args.path !== undefined && !/^\d+(:\d+)*$/.test(args.path))
    throw new UsageError(`--path must look like "3:0:1" (as printed with a counterexample), got "${args.path}"`)
  const clients: readonly ClientUnderTest[] = selectClients(args.client) ?? SDK_CLIENTS
  const properties: readonly Property[] = selectProperties(args.property) ?? PROPERTIES
  const seed = args.seed ?? Math.floor(Math.random() * 2 ** 31)

  writeOut(
    `mcp-auth-harness fuzz: ${clients.length} client(s) × ${properties.length} propert${properties.length === 1 ? 'y' : 'ies'}, ${args.runs} trials each, seed ${seed}, timeout ${args.timeout} ms per trial\n\n`,
  )
  writeOut(`${tableHeader()}\n`)
  const started = performance.now()
  const results = await fuzz({
    clients,
    properties,
    runs: args.runs,
    seed,
    timeoutMs: args.timeout,
    ...(args.path === undefined ? {} : { path: args.path }),
    onResult: (result) => writeOut(`${tableRow(result)}\n`),
  })
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  const violated = results.filter((result) => result.verdict === 'violated')
  for (const result of violated) writeOut(`\n${counterexampleReport(result, args.timeout)}\n`)
  const trials = results.reduce((sum, result) => sum + result.runs, 0)
  const verdict = violated.length === 0 ? 'all properties held' : `${violated.length} client × property pair(s) VIOLATED`
  writeOut(`\n${trials} trials in ${seconds} s: ${verdict}.\n`)
  return violated.length === 0 ? EXIT.ok : EXIT.violated
}

const module: CommandModule<object, FuzzArgs> = {
  command: 'fuzz',
  describe: 'Property-test MCP clients against random configs and mock servers',
  builder: (yargs) =>
    yargs
      .option('client', {
        type: 'string',
        array: true,
        describe: 'Client(s) to test, by name (see `list`); default: the built-in SDK clients',
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
