// The faulty reference client(s) of `discovery-protocol-version`: SDK sessions with one bug each, proof that the property can fail.
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js'
import { faulty } from '../../src/clients/faulty/kit.js'
import { isAsMetadataPath } from '../../src/spec/well-known.js'
import { witness, type Witness } from '../../src/property/witness.js'

/** Sends its authorization server metadata requests bare, without MCP-Protocol-Version. */
const bareDiscovery: FetchLike = (input, init) => {
  const url = new URL(String(input instanceof Request ? input.url : input))
  if (!isAsMetadataPath(url.pathname)) return fetch(input, init)
  const headers = new Headers(init?.headers)
  headers.delete('mcp-protocol-version')
  return fetch(input, { ...init, headers })
}

/** Discovers the authorization server without MCP-Protocol-Version. Violates `discovery-protocol-version`. */
export const bareMetadataRequests = faulty(
  'faulty:bare-metadata-requests',
  'SDK client whose authorization server metadata requests lack MCP-Protocol-Version',
  () => ({ fetch: bareDiscovery }),
)

/** Each violates `discovery-protocol-version`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(bareMetadataRequests)]
