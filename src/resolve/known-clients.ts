import type { ClientUnderTest } from '../clients/client-under-test.js'
import { DEFAULT_CLIENTS } from '../clients/registry.js'
import { FAULTY_CASES } from '../../properties/witnesses.js'

/** Faulty reference clients: each violates one property on purpose, to prove the property can fail. */
export const FAULTY_CLIENTS: readonly ClientUnderTest[] = FAULTY_CASES.map((faulty) => faulty.client)

/** Every client built into the package: the bundled SDK clients and the faulty reference clients. */
export const ALL_CLIENTS: readonly ClientUnderTest[] = [...DEFAULT_CLIENTS, ...FAULTY_CLIENTS]

/**
 * A built-in client by name; throws a message listing the known names.
 *
 * @example
 * const client = clientByName('sdk-streamable')
 */
export function clientByName(name: string): ClientUnderTest {
  const client = ALL_CLIENTS.find((candidate) => candidate.name === name)
  if (!client) throw new Error(`unknown client "${name}"; known clients: ${ALL_CLIENTS.map((c) => c.name).join(', ')}`)
  return client
}
