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
  if (!client) {
    // A name of any length is shown cut (it may be a pasted command); the faulty clients are many: `list` names them.
    const shown = name.length > 80 ? `${name.slice(0, 80)}…` : name
    throw new Error(
      `unknown client "${shown}"; known clients: ${DEFAULT_CLIENTS.map((c) => c.name).join(', ')}, and ${FAULTY_CLIENTS.length} faulty:… reference clients (mcp-auth-harness list names every one)`,
    )
  }
  return client
}
