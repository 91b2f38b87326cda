import yargs from 'yargs'
import { writeErr } from '../runtime/process.js'
import { fuzzCommand, runFuzzCommand } from './commands/fuzz.js'
import { listCommand, runListCommand } from './commands/list.js'
import { checkCommand, runCheckCommand } from './commands/check.js'
import { recordCommand, runRecordCommand } from './commands/record.js'
import { replayCommand, runReplayCommand } from './commands/replay.js'
import { RecordingError } from '../recording/recording-error.js'
import { EXIT, UsageError } from './usage-error.js'

/** Parses the command line and runs one command; returns the exit code (0 held, 1 violated, 2 usage). */
export async function main(argv: string[]): Promise<number> {
  let usageProblem: string | undefined
  const parser = yargs(argv)
    .scriptName('mcp-auth-harness')
    .usage(
      '$0 <command> [options]\n\nProperty-based fuzzer for the HTTP side of MCP clients: configured headers always sent, OAuth discovery only after a 401.',
    )
    .command(fuzzCommand)
    .command(listCommand)
    .command(recordCommand)
    .command(replayCommand)
    .command(checkCommand)
    .demandCommand(1, 'Name a command: fuzz, record, replay, check or list.')
    .strict()
    .help()
    .wrap(110)
    .alias('h', 'help')
    .version()
    .epilogue('Exit codes: 0 every property held, 1 a property was violated, 2 usage or input error.')
    .exitProcess(false)
    .fail((message, error) => {
      usageProblem = message ?? error?.message ?? 'invalid usage'
    })
  const args = await parser.parseAsync()
  if (usageProblem !== undefined) {
    writeErr(`mcp-auth-harness: ${usageProblem}\nRun "mcp-auth-harness --help" for usage.\n`)
    return EXIT.usage
  }
  const command = String(args._[0] ?? '')
  if (args.help || args.version) return EXIT.ok
  try {
    if (command === 'fuzz') return await runFuzzCommand(args as unknown as Parameters<typeof runFuzzCommand>[0])
    if (command === 'list') return runListCommand()
    if (command === 'record') return await runRecordCommand(args as unknown as Parameters<typeof runRecordCommand>[0])
    if (command === 'replay') return await runReplayCommand(args as unknown as Parameters<typeof runReplayCommand>[0])
    if (command === 'check') return await runCheckCommand(args as unknown as Parameters<typeof runCheckCommand>[0])
  } catch (error) {
    if (error instanceof UsageError || error instanceof RecordingError) {
      writeErr(`mcp-auth-harness: ${error.message}\n`)
      return EXIT.usage
    }
    throw error
  }
  return EXIT.ok
}
