import type { CommandModule } from 'yargs'

/** One CLI command: its yargs definition and the function that runs it and returns the exit code. */
export interface CliCommand<Args = any> {
  module: CommandModule<object, Args>
  run(args: Args): Promise<number> | number
}

/** `'replay <recording>'` → `'replay'` */
export function commandName(command: CliCommand): string {
  const spec = command.module.command
  return String(Array.isArray(spec) ? spec[0] : spec).split(' ')[0]!
}
