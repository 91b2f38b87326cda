import { spec, type Property, type Violation } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import { headerValue, startsNegotiation } from '../../src/core/exchange.js'
import { mcpEndpointExchanges } from '../../src/traffic/mcp-endpoint.js'
import { negotiatedVersion } from '../../src/traffic/negotiated-version.js'

const ID = 'protocol-version-header'
/** The versions whose transport requires the header (it was introduced in 2025-06-18). */
const REQUIRED_FROM = '2025-06-18'

/**
 * Once a version ≥ 2025-06-18 is negotiated over Streamable HTTP, every later request to the MCP
 * endpoint carries `MCP-Protocol-Version` with the negotiated version.
 */
export const protocolVersionHeader: Property = {
  id: ID,
  statement:
    'After initialize negotiated 2025-06-18 or later, every request to the MCP endpoint carries MCP-Protocol-Version with the negotiated version.',
  source: spec('2025-06-18', 'Transports › Protocol Version Header (MUST include; SHOULD be the negotiated version)'),
  level: 'MUST',
  exercised(trial) {
    if (trial.config.transport !== 'streamable-http') return false
    const negotiated = negotiatedVersion(trial.exchanges)
    if (!negotiated || negotiated.version < REQUIRED_FROM) return false
    const after = negotiated.exchange.responseTick ?? Infinity
    return mcpEndpointExchanges(trial.config, trial.exchanges).some((e) => e.requestTick > after)
  },
  check(trial: Trial): Violation[] {
    const { version, exchange: init } = negotiatedVersion(trial.exchanges)!
    return (
      mcpEndpointExchanges(trial.config, trial.exchanges)
        // A later initialize or server/discover (a new connection, e.g. after re-authorization) negotiates afresh.
        .filter((e) => e.requestTick > (init.responseTick ?? Infinity) && !startsNegotiation(e.requestBody))
        .flatMap((e) => {
          const sent = headerValue(e.requestHeaders, 'mcp-protocol-version')
          if (sent === version) return []
          const problem =
            sent === undefined
              ? 'lacked MCP-Protocol-Version'
              : `carried MCP-Protocol-Version ${sent}, not the negotiated ${version}`
          return [{ property: ID, exchange: e.seq, message: `request #${e.seq} ${e.method} ${e.url} ${problem}` }]
        })
    )
  },
}
