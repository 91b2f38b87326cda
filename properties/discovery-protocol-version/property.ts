import { spec, type Property, type Violation } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import { headerValue, type Exchange } from '../../src/core/exchange.js'
import { asMetadataRequests } from '../../src/traffic/oauth-flow.js'
import { serverVersion } from '../../src/property/spec-version.js'

const ID = 'discovery-protocol-version'
const REVISION = '2025-03-26'

/** Authorization server metadata requests, in a trial whose server speaks 2025-03-26 at newest. */
function discoveryRequests(trial: Trial): Exchange[] {
  return serverVersion(trial) === REVISION ? asMetadataRequests(trial) : []
}

/**
 * In 2025-03-26 the authorization server's metadata is discovered with `MCP-Protocol-Version` on
 * the request, so a server can answer with the metadata that version expects.
 */
export const discoveryProtocolVersion: Property = {
  id: ID,
  statement: 'With a 2025-03-26 server, every authorization server metadata request carries the MCP-Protocol-Version header.',
  source: spec(REVISION, 'Authorization › Server Metadata Discovery (SHOULD)', { onlyIn: true }),
  level: 'SHOULD',
  exercised: (trial) => discoveryRequests(trial).length > 0,
  check(trial): Violation[] {
    return discoveryRequests(trial).flatMap((e) =>
      headerValue(e.requestHeaders, 'mcp-protocol-version') !== undefined
        ? []
        : [{ property: ID, exchange: e.seq, message: `metadata request #${e.seq} GET ${e.url} lacked MCP-Protocol-Version` }],
    )
  },
}
