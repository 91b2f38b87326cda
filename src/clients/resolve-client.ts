import { InputError } from '../core/errors.js'
import { configFormatByName } from '../config/formats/registry.js'
import { commandProblem } from '../runtime/child-process.js'
import type { ClientUnderTest } from './client-under-test.js'
import { commandClient, type ClientReads } from './command-client.js'
import { loadModuleClient } from './module-client.js'
import { findInstallable } from './provision/installable-clients.js'
import { installedClient } from './provision/provision.js'
import { clientByName } from './registry.js'

/**
 * Every client name the CLI's `--client` takes, resolved by the one path the CLI and the library
 * share: a built-in (`sdk-streamable`, `faulty:…`), an installable client at its pinned or a named
 * version (`python-sdk`, `claude-code@1.0.108`, installed on first use), `cmd:COMMAND` (started per
 * trial, or once as a session loop with `sessionLoop`, its config written in `configFormat`, told only what `reads` says it reads) or `module:PATH` (a module exporting a
 * ClientUnderTest). A name that resolves to nothing, or a command that cannot start, is an
 * InputError (exit 2).
 *
 * @example
 * const client = await resolveClient('python-sdk@2.3.0')
 * const mine = await resolveClient('cmd:node ./my-client.js {url}', { configFormat: 'claude' })
 */
export async function resolveClient(
  name: string,
  options: { configFormat?: string; reads?: readonly ClientReads[]; sessionLoop?: boolean } = {},
): Promise<ClientUnderTest> {
  try {
    if (name.startsWith('cmd:')) {
      const line = name.slice(4).trim()
      // A client that cannot start would make every trial a client error: a typo, not a verdict.
      const problem = line ? await commandProblem(line) : undefined
      if (problem) throw new Error(`cannot start the client command: ${problem}`)
      return commandClient(line, configFormatByName(options.configFormat ?? 'claude'), {
        reads: options.reads ?? [],
        ...(options.sessionLoop ? { sessionLoop: true } : {}),
      })
    }
    if (name.startsWith('module:')) return await loadModuleClient(name.slice(7))
    const installable = findInstallable(name)
    if (installable)
      return await installedClient(installable.client, installable.version, { withoutOAuth: installable.withoutOAuth })
    return clientByName(name)
  } catch (error) {
    if (error instanceof InputError) throw error
    throw new InputError((error as Error).message, { cause: error })
  }
}
