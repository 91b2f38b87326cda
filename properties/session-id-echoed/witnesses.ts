// The faulty reference client(s) of `session-id-echoed`: SDK sessions with one bug each, proof that the property can fail.
import { faultyStreamable } from '../../src/clients/faulty/kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/** Forgets the session: no `Mcp-Session-Id` on any request. Violates `session-id-echoed`. */
export const dropsSessionId = faultyStreamable(
  'faulty:drops-session-id',
  'SDK client that never echoes Mcp-Session-Id (proxies that forward only some headers, inspector#477)',
  (_, headers) => headers.delete('mcp-session-id'),
)

/** Each violates `session-id-echoed`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(dropsSessionId)]
