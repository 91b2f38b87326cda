import type { ClientUnderTest } from './client-under-test.js'
import { SDK_CLIENTS } from './sdk-clients.js'
import { SDK2_CLIENTS } from './sdk2-clients.js'
import { FAULTY_CASES } from '../../properties/witnesses.js'

/** Faulty reference clients: each violates one property on purpose, to prove the property can fail. */
export const FAULTY_CLIENTS: readonly ClientUnderTest[] = FAULTY_CASES.map((faulty) => faulty.client)

/** What `fuzz` tests when no client is named: the official TypeScript SDK, v1 and v2, both transports. */
export const DEFAULT_CLIENTS: readonly ClientUnderTest[] = [...SDK_CLIENTS, ...SDK2_CLIENTS]

export const ALL_CLIENTS: readonly ClientUnderTest[] = [...SDK_CLIENTS, ...SDK2_CLIENTS, ...FAULTY_CLIENTS]

/** Looks a client up by name; throws a message listing the known names. */
export function clientByName(name: string): ClientUnderTest {
  const client = ALL_CLIENTS.find((candidate) => candidate.name === name)
  if (!client) throw new Error(`unknown client "${name}"; known clients: ${ALL_CLIENTS.map((c) => c.name).join(', ')}`)
  return client
}
