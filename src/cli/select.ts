import { clientByName } from '../clients/registry.js'
import type { ClientUnderTest } from '../clients/client-under-test.js'
import { propertyById } from '../../properties/index.js'
import type { Property } from '../property/property.js'
import { UsageError } from './usage-error.js'

/** `--x a,b --x c` → ['a', 'b', 'c'] */
export function listOption(values: string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((value) => value.split(','))
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

/** The clients named by `--client`, or undefined when none was named. Unknown names are usage errors. */
export function selectClients(values: string[] | undefined): ClientUnderTest[] | undefined {
  const names = listOption(values)
  return names.length > 0 ? lookUp(names, clientByName) : undefined
}

/** The properties named by `--property`, or undefined when none was named. */
export function selectProperties(values: string[] | undefined): Property[] | undefined {
  const ids = listOption(values)
  return ids.length > 0 ? lookUp(ids, propertyById) : undefined
}
