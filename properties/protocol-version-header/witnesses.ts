// The faulty reference client(s) of `protocol-version-header`: SDK sessions with one bug each, proof that the property can fail.
import { faultyStreamable } from '../../src/clients/faulty/kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/** Never sends `MCP-Protocol-Version`. Violates `protocol-version-header`. */
export const noProtocolVersion = faultyStreamable(
  'faulty:no-protocol-version',
  'SDK client that omits MCP-Protocol-Version after initialize (pre-2025-06-18 clients)',
  (_, headers) => headers.delete('mcp-protocol-version'),
)

/** Each violates `protocol-version-header`; the names after it are what its one bug breaks besides (not false blame). */
// It never sends the header, on its discovery requests either (a 2025-03-26 server's metadata request carries it).
export const witnesses: readonly Witness[] = [witness(noProtocolVersion, 'discovery-protocol-version')]
