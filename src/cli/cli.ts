import yargs from 'yargs'
import { writeErr } from '../runtime/process.js'
import { commandName, type CliCommand } from './cli-command.js'
import { HarnessError } from '../core/errors.js'
import { EXIT } from './usage-error.js'
import { TOOL_VERSION } from '../version.js'

/**
 * Each command's module, loaded when named: a start loads only the command it runs (a `fuzz` needs
 * no proxy, server or HAR code, about half the modules). In the order `--help` lists them.
 */
const COMMAND_LOADERS: Record<string, () => Promise<CliCommand[]>> = {
  fuzz: async () => [(await import('./commands/fuzz.js')).fuzzCommand],
  record: async () => [(await import('./commands/record.js')).recordCommand],
  replay: async () => [(await import('./commands/replay.js')).replayCommand],
  check: async () => [(await import('./commands/check.js')).checkCommand],
  report: async () => [(await import('./commands/report.js')).reportCommand],
  serve: async () => [(await import('./commands/serve.js')).serveCommand],
  'import-har': async () => [(await import('./commands/har.js')).importHarCommand],
  export: async () => [(await import('./commands/har.js')).exportCommand],
  list: async () => [(await import('./commands/list.js')).listCommand],
  browse: async () => [(await import('./commands/browse.js')).browseCommand],
  clients: async () => [(await import('./commands/clients.js')).clientsCommand],
  bisect: async () => [(await import('./commands/bisect.js')).bisectCommand],
  matrix: async () => [(await import('./commands/matrix.js')).matrixCommand],
  scoreboard: async () => [(await import('./commands/scoreboard.js')).scoreboardCommand],
}

/** The command the arguments name (the first word), or every command when none is named (`--help`, a typo). */
async function commandsFor(argv: readonly string[]): Promise<CliCommand[]> {
  if (argv.length === 1 && argv[0] === '--version') return []
  const first = argv.find((arg) => !arg.startsWith('-'))
  const named = first === undefined ? undefined : COMMAND_LOADERS[first]
  return named ? named() : (await Promise.all(Object.values(COMMAND_LOADERS).map((load) => load()))).flat()
}

/** Parses the command line and runs one command; returns the exit code (0 held, 1 violated, 2 usage). */
/**
 * The options and positionals declared `array: true` in the commands (a test keeps this list in
 * step with them): every other flag takes one value, and yargs would hand a repeated one over as an array.
 */
export const REPEATABLE: ReadonlySet<string> = new Set([
  'client',
  'client-reads',
  'files',
  'header',
  'merge',
  'names',
  'property',
  'recordings',
  'redact',
  'transport',
])

/**
 * `--flag -` as `--flag=-`: yargs reads a lone `-` as a positional, but for a file flag it means
 * standard output (as in tar, curl and jq).
 */
function dashAsValue(argv: readonly string[]): string[] {
  const out: string[] = []
  for (const arg of argv) {
    const previous = out.at(-1)
    if (arg === '-' && previous?.startsWith('--') && !previous.includes('=')) out[out.length - 1] = `${previous}=-`
    else out.push(arg)
  }
  return out
}

export async function main(argv: string[]): Promise<number> {
  let usageProblem: string | undefined
  const commands = await commandsFor(argv)
  let parser = yargs(dashAsValue(argv))
    .scriptName('mcp-auth-harness')
    .usage(
      '$0 <command> [options]\n\nProperty-based fuzzer and record-replay mock for the HTTP side of MCP clients: configured headers always sent, OAuth discovery only after a 401.',
    )
    .demandCommand(1, `Name a command: ${Object.keys(COMMAND_LOADERS).join(', ')}.`)
    .strict()
    .help()
    .wrap(110)
    .alias('h', 'help')
    // Our own version: yargs' default reads the nearest package.json, which for an installed dependency is the consumer's.
    .version(TOOL_VERSION)
    .epilogue('Exit codes: 0 every property held, 1 a property was violated, 2 usage or input error.')
    .exitProcess(false)
    .fail((message, error) => {
      usageProblem = message ?? error?.message ?? 'invalid usage'
    })
  for (const command of commands) parser = parser.command(command.module)
  const args = await parser.parseAsync()
  if (usageProblem !== undefined) {
    writeErr(`mcp-auth-harness: ${usageProblem}\nRun "mcp-auth-harness --help" for usage.\n`)
    return EXIT.usage
  }
  const command = String(args._[0] ?? '')
  if (args.help || args.version) return EXIT.ok
  // A flag that takes one value, given twice, would reach a command as an array ("a,b" as one URL).
  // (camelCase copies of dashed flags are skipped.)
  for (const [key, value] of Object.entries(args))
    if (Array.isArray(value) && key !== '_' && !REPEATABLE.has(key) && !/[A-Z]/.test(key)) {
      writeErr(
        `mcp-auth-harness: --${key} was given ${value.length} times: give it once\nRun "mcp-auth-harness --help" for usage.\n`,
      )
      return EXIT.usage
    }
  // yargs reads `--fail-fast=maybe` as false: a typo would silently turn an option off.
  for (const arg of argv) {
    const given = /^--([\w-]+)=(.*)$/s.exec(arg)
    if (given && typeof args[given[1]!] === 'boolean' && !['true', 'false'].includes(given[2]!)) {
      writeErr(
        `mcp-auth-harness: --${given[1]} is on or off: give it alone, or =true or =false (not ${JSON.stringify(given[2]!.slice(0, 40))})\nRun "mcp-auth-harness --help" for usage.\n`,
      )
      return EXIT.usage
    }
  }
  try {
    const chosen = commands.find((candidate) => commandName(candidate) === command)
    if (chosen) return await chosen.run(args)
  } catch (error) {
    if (error instanceof HarnessError) {
      writeErr(`mcp-auth-harness: ${error.message}\n`)
      return error.exitCode
    }
    // A file that cannot be read or written (EACCES, ENOSPC, EISDIR, …) is an input problem, not a crash.
    const fsError = error as NodeJS.ErrnoException
    if (typeof fsError?.code === 'string' && typeof fsError.syscall === 'string') {
      writeErr(`mcp-auth-harness: ${fsError.syscall} ${fsError.path ?? ''} failed: ${fsError.code} (${fsError.message})\n`)
      return EXIT.usage
    }
    throw error
  }
  return EXIT.ok
}
