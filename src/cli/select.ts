import { resolveClient, type ResolvedClient } from '../resolve/resolve-client.js'
import type { ClientReads } from '../clients/command-client.js'
import { propertyById } from '../../properties/index.js'
import type { Property } from '../property/property.js'
import { UsageError } from './usage-error.js'

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
 * The clients named by `--client`, each resolved by `resolveClient` with its known failures and
 * capabilities (undefined when none was named; unknown names are usage errors).
 */
export async function resolveClients(
  values: string[] | undefined,
  options: { configFormat: string; reads?: readonly ClientReads[]; sessionLoop?: boolean; moduleHere?: boolean },
): Promise<ResolvedClient[] | undefined> {
  const names = listOption(values)
  if (names.length === 0) return undefined
  const clients: ResolvedClient[] = []
  for (const name of names) clients.push(await resolveClient(name, options))
  return clients
}

/** The properties named by `--property`, or undefined when none was named. */
export function selectProperties(values: string[] | undefined): Property[] | undefined {
  const ids = listOption(values)
  return ids.length > 0 ? lookUp(ids, propertyById) : undefined
}
