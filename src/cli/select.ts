import { clientByName } from '../clients/registry.js'
import type { ClientUnderTest } from '../clients/client-under-test.js'
import { propertyById } from '../../properties/index.js'
import type { Property } from '../property/property.js'
import { UsageError } from './usage-error.js'
import { commandClient } from '../clients/command-client.js'
import { findInstallable } from '../clients/provision/installable-clients.js'
import { installedClient } from '../clients/provision/provision.js'
import { loadModuleClient } from '../clients/module-client.js'
import { configFormatByName } from '../config/formats/registry.js'
import { commandProblem } from '../runtime/child-process.js'

/** `--x a,b --x c` → ['a', 'b', 'c']; a `cmd:` or `module:` value is one client, commas and all. */
export function listOption(values: string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((value) => (/^\s*(cmd|module):/.test(value) ? [value] : value.split(',')))
    .map((value) => value.trim())
    .filter(Boolean)
}

function lookUp<T>(values: string[], find: (name: string) => T): T[] {
  return values.map((name) => {
    try {
      return find(name)
    } catch (error) {
      throw new UsageError((error as Error).message)
    }
  })
}

/**
 * The clients named by `--client` (undefined when none was named; unknown names are usage errors): built-in names, `cmd:COMMAND` (started per trial, config written in `configFormat`)
 * and `module:PATH` (a user module exporting a ClientUnderTest).
 */
export async function resolveClients(values: string[] | undefined, configFormat: string): Promise<ClientUnderTest[] | undefined> {
  const names = listOption(values)
  if (names.length === 0) return undefined
  const clients: ClientUnderTest[] = []
  for (const name of names) {
    try {
      if (name.startsWith('cmd:')) {
        const line = name.slice(4).trim()
        // A client that cannot start would make every trial a client error: a typo, not a verdict.
        const problem = line ? await commandProblem(line) : undefined
        if (problem) throw new Error(`cannot start the client command: ${problem}`)
        clients.push(commandClient(line, configFormatByName(configFormat)))
      } else if (name.startsWith('module:')) clients.push(await loadModuleClient(name.slice(7)))
      else {
        const installable = findInstallable(name)
        clients.push(
          installable
            ? await installedClient(installable.client, installable.version, { withoutOAuth: installable.withoutOAuth })
            : clientByName(name),
        )
      }
    } catch (error) {
      throw new UsageError((error as Error).message)
    }
  }
  return clients
}

/** The properties named by `--property`, or undefined when none was named. */
export function selectProperties(values: string[] | undefined): Property[] | undefined {
  const ids = listOption(values)
  return ids.length > 0 ? lookUp(ids, propertyById) : undefined
}
