import { jsonObject } from '../../src/core/json.js'
import { spec, type Property, type Violation } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import { headerValue, startsNegotiation } from '../../src/core/exchange.js'
import { mcpEndpointExchanges } from '../../src/traffic/mcp-endpoint.js'

const ID = 'session-id-echoed'

/**
 * A JSON-RPC error answer: a session id on it is no assignment (the spec assigns one on the response
 * with the InitializeResult). java-sdk 2.1.0 kept the id of a refused initialize and was blamed for
 * not taking the one on the next refusal.
 */
function isErrorAnswer(body: string | undefined): boolean {
  const answer = jsonObject(body)
  return answer !== undefined && 'error' in answer && !('result' in answer)
}

/**
 * After the server issues `Mcp-Session-Id: S`, every later request to the MCP endpoint carries
 * exactly S, until the client starts a new session with a new `initialize` (or a `server/discover`
 * probe, with which a 2026-era client starts over).
 */
export const sessionIdEchoed: Property = {
  id: ID,
  statement:
    'After the server issues Mcp-Session-Id S, every later request to the MCP endpoint carries exactly S (until a new initialize).',
  source: spec('2025-03-26', 'Transports › Streamable HTTP › Session Management', { alsoBefore: true }),
  level: 'MUST',
  exercised: (trial) =>
    trial.config.transport === 'streamable-http' &&
    mcpEndpointExchanges(trial.config, trial.exchanges).some(
      (e) => headerValue(e.responseHeaders, 'mcp-session-id') !== undefined,
    ),
  check(trial: Trial): Violation[] {
    if (trial.config.transport !== 'streamable-http') return []
    const violations: Violation[] = []
    let session: { id: string; tick: number } | undefined
    for (const exchange of mcpEndpointExchanges(trial.config, trial.exchanges)) {
      if (startsNegotiation(exchange.requestBody)) session = undefined
      if (session && exchange.requestTick > session.tick) {
        const sent = headerValue(exchange.requestHeaders, 'mcp-session-id')
        if (sent !== session.id) {
          violations.push({
            property: ID,
            exchange: exchange.seq,
            message: `request #${exchange.seq} ${exchange.method} ${exchange.url} ${sent === undefined ? 'lacked the Mcp-Session-Id' : 'carried another Mcp-Session-Id than'} the server issued`,
          })
        }
      }
      const issued = headerValue(exchange.responseHeaders, 'mcp-session-id')
      if (issued !== undefined && exchange.responseTick !== undefined && !isErrorAnswer(exchange.responseBody))
        session = { id: issued, tick: exchange.responseTick }
    }
    return violations
  },
}
