// The faulty reference client(s) of `client-messages-valid`: SDK sessions with one bug each, proof that the property can fail.
import { faulty } from '../../src/clients/faulty/kit.js'
import { witness, type Witness } from '../../src/property/witness.js'
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js'

/** A fetch that sends `initialize` without `clientInfo.version`, which every schema version requires. */
const initializeWithoutClientVersion: FetchLike = (url, init) => {
  if (typeof init?.body !== 'string' || !init.body.includes('"initialize"')) return fetch(url, init)
  const message = JSON.parse(init.body) as { method?: string; params?: { clientInfo?: Record<string, unknown> } }
  if (message.method === 'initialize' && message.params?.clientInfo) delete message.params.clientInfo.version
  return fetch(url, { ...init, body: JSON.stringify(message) })
}

/** Introduces itself without a version. Violates `client-messages-valid`. */
export const noClientVersion = faulty(
  'faulty:no-client-version',
  'SDK client whose initialize request leaves out clientInfo.version',
  () => ({ fetch: initializeWithoutClientVersion }),
)

/** Each violates `client-messages-valid`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(noClientVersion)]
