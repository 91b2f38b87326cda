import { spec, type Property, type Violation } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import { headerValue, startsNegotiation, type Exchange } from '../../src/core/exchange.js'
import { mcpEndpointExchanges } from '../../src/traffic/mcp-endpoint.js'
import { negotiationBefore, negotiations } from '../../src/traffic/negotiated-version.js'

const ID = 'protocol-version-header'
/** The versions whose transport requires the header (it was introduced in 2025-06-18). */
const REQUIRED_FROM = '2025-06-18'

/** The requests to the MCP endpoint this rule judges, each with the legacy version negotiated (≥ 2025-06-18) before it. */
function judged(trial: Trial): Array<{ exchange: Exchange; version: string }> {
  if (trial.config.transport !== 'streamable-http') return []
  const all = negotiations(trial.exchanges)
  return mcpEndpointExchanges(trial.config, trial.exchanges).flatMap((exchange) => {
    // A later initialize or server/discover (a new connection, e.g. after re-authorization) negotiates afresh.
    if (startsNegotiation(exchange.requestBody)) return []
    const version = negotiationBefore(all, exchange)?.version
    // Before any negotiation, or in the modern era (modern-request-headers judges those headers).
    return version !== undefined && version >= REQUIRED_FROM ? [{ exchange, version }] : []
  })
}

/**
 * Once a version ≥ 2025-06-18 is negotiated over Streamable HTTP, every later request to the MCP
 * endpoint carries `MCP-Protocol-Version` with the negotiated version (the newest negotiation's:
 * a client that connects again negotiates again).
 */
export const protocolVersionHeader: Property = {
  id: ID,
  statement:
    'After initialize negotiated 2025-06-18 or later, every request to the MCP endpoint carries MCP-Protocol-Version with the negotiated version.',
  source: spec('2025-06-18', 'Transports › Protocol Version Header (MUST include; SHOULD be the negotiated version)'),
  level: 'MUST',
  exercised: (trial) => judged(trial).length > 0,
  check(trial: Trial): Violation[] {
    return judged(trial).flatMap(({ exchange: e, version }) => {
      const sent = headerValue(e.requestHeaders, 'mcp-protocol-version')
      if (sent === version) return []
      const problem =
        sent === undefined ? 'lacked MCP-Protocol-Version' : `carried MCP-Protocol-Version ${sent}, not the negotiated ${version}`
      return [{ property: ID, exchange: e.seq, message: `request #${e.seq} ${e.method} ${e.url} ${problem}` }]
    })
  },
}
