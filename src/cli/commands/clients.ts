import type { CommandModule } from 'yargs'
import type { CliCommand } from '../cli-command.js'
import { findInstallable, INSTALLABLE_CLIENTS } from '../../clients/provision/installable-clients.js'
import { provision } from '../../clients/provision/provision.js'
import { writeOut } from '../../runtime/process.js'
import { EXIT, UsageError } from '../usage-error.js'

interface ClientsArgs {
  action: string
  names?: string[]
}

function installableList(): string {
  return INSTALLABLE_CLIENTS.map((c) => `${c.name} (${c.what(c.pinned)})`).join(', ')
}

/**
 * `clients install NAME[@VERSION]…`: installs clients that need a toolchain or a package ahead of
 * time (in CI, say), so the first fuzz run does not spend its time installing; `clients list`
 * names them with their pinned versions.
 */
export async function runClientsCommand(args: ClientsArgs): Promise<number> {
  if (args.action === 'list') {
    writeOut(`${'name'.padEnd(14)}${'pinned'.padEnd(10)}${'releases'.padEnd(12)}what\n`)
    for (const client of INSTALLABLE_CLIENTS)
      writeOut(
        `${client.name.padEnd(14)}${client.pinned.padEnd(10)}${(client.oldest ? `${client.oldest}+` : 'pinned').padEnd(12)}${client.what(client.pinned)}\n`,
      )
    return EXIT.ok
  }
  if (args.action !== 'install') throw new UsageError(`unknown action "${args.action}": clients install NAME… or clients list`)
  const names = args.names ?? []
  if (names.length === 0) throw new UsageError(`name the clients to install (NAME or NAME@VERSION): ${installableList()}`)
  const found = names.map((name) => {
    const installable = findInstallable(name)
    if (!installable)
      throw new UsageError(`${name} is not a client that is installed: ${INSTALLABLE_CLIENTS.map((c) => c.name).join(', ')}`)
    return installable
  })
  for (const { client, version } of found) {
    const { dir, releasedAt, dependencies } = await provision(client, version)
    const resolved = Object.entries(dependencies).map(([name, v]) => `${name} ${v}`)
    writeOut(
      `${client.name} ${version}: installed (${dir})${releasedAt ? `; released ${releasedAt.slice(0, 10)}, dependencies as of then` : ''}${resolved.length ? `; ${resolved.join(', ')}` : ''}\n`,
    )
  }
  return EXIT.ok
}

const module: CommandModule<object, ClientsArgs> = {
  command: 'clients <action> [names..]',
  describe:
    'Install built-in clients that run on another toolchain or package (SDKs in other languages, agent CLIs) ahead of their first use',
  builder: (yargs) =>
    yargs
      .positional('action', { type: 'string', demandOption: true, describe: 'install or list' })
      .positional('names', { type: 'string', array: true, describe: 'Clients to install: NAME or NAME@VERSION' })
      .example(
        '$0 clients list',
        'the installable clients, their pinned versions and the releases NAME@VERSION, bisect and matrix take',
      )
      .example('$0 clients install python-sdk go-sdk', 'the pinned versions, into the user cache')
      .example('$0 clients install python-sdk@1.23.0', 'another version, beside it'),
  handler: () => undefined, // run by cli.ts, which owns exit codes
}

export const clientsCommand: CliCommand<ClientsArgs> = { module, run: runClientsCommand }
