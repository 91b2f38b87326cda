import type { CommandModule } from 'yargs'
import type { CliCommand } from '../cli-command.js'
import { provisionPythonSdk, pythonSdkVersion, PYTHON_SDK_VERSION } from '../../clients/provision/python-sdk.js'
import { writeOut } from '../../runtime/process.js'
import { EXIT, UsageError } from '../usage-error.js'

interface ClientsArgs {
  action: string
  names?: string[]
}

/** The built-in clients that are installed on first use, with their pinned versions. */
const INSTALLABLE = [{ name: 'python-sdk', version: PYTHON_SDK_VERSION, what: 'the official Python SDK (mcp on PyPI)' }]

/**
 * `clients install NAME…`: provisions clients that need a toolchain ahead of time (in CI, say),
 * so the first fuzz run does not spend its time installing.
 */
export async function runClientsCommand(args: ClientsArgs): Promise<number> {
  if (args.action !== 'install') throw new UsageError(`unknown action "${args.action}": clients install NAME…`)
  const names = args.names ?? []
  if (names.length === 0)
    throw new UsageError(
      `name the clients to install: ${INSTALLABLE.map((c) => `${c.name} (${c.what}, ${c.version}; ${c.name}@X.Y.Z for another)`).join(', ')}`,
    )
  for (const name of names) {
    const version = pythonSdkVersion(name)
    if (!version) throw new UsageError(`${name} is not a client that is installed: ${INSTALLABLE.map((c) => c.name).join(', ')}`)
    const python = await provisionPythonSdk(version)
    writeOut(`${name}: mcp ${version} installed (${python})\n`)
  }
  return EXIT.ok
}

const module: CommandModule<object, ClientsArgs> = {
  command: 'clients <action> [names..]',
  describe: 'Install built-in clients that run on another toolchain (the Python SDK) ahead of their first use',
  builder: (yargs) =>
    yargs
      .positional('action', { type: 'string', demandOption: true, describe: 'install' })
      .positional('names', { type: 'string', array: true, describe: 'Clients to install: python-sdk[@X.Y.Z]' })
      .example('$0 clients install python-sdk', `the pinned version (${PYTHON_SDK_VERSION}) into the user cache`)
      .example('$0 clients install python-sdk@1.23.0', 'another version, beside it'),
  handler: () => undefined, // run by cli.ts, which owns exit codes
}

export const clientsCommand: CliCommand<ClientsArgs> = { module, run: runClientsCommand }
