import { spec, type Property, type Violation } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import { headerValue } from '../../src/core/exchange.js'
import { mcpEndpointExchanges } from '../../src/traffic/mcp-endpoint.js'
import { decodeMcpName, modernVersionOf, requiredModernHeaders } from '../../src/spec/modern-headers.js'
import { parseJsonOr } from '../../src/core/json.js'

const ID = 'modern-request-headers'
const SINCE = '2026-07-28'

/**
 * Requests to the MCP endpoint whose body names a 2026-07-28-or-later version in `_meta`, over
 * Streamable HTTP: the headers belong to that transport, and the legacy HTTP+SSE transport never had
 * them (go-sdk 1.8.0 sends a modern `_meta` over SSE; that is not this rule broken).
 */
function modernRequests(trial: Trial) {
  if (trial.config.transport !== 'streamable-http') return []
  return mcpEndpointExchanges(trial.config, trial.exchanges).filter((e) => {
    if (e.method !== 'POST') return false
    return modernVersionOf(parseJsonOr(e.requestBody, undefined)) !== undefined
  })
}

/**
 * In the 2026-07-28 transport every POST carries `MCP-Protocol-Version` (equal to the `_meta`
 * version), `Mcp-Method`, and `Mcp-Name` where the method names a target; once the server answered
 * in that era, there is no GET, no DELETE and no `Mcp-Session-Id`.
 */
export const modernRequestHeaders: Property = {
  id: ID,
  statement:
    'In the 2026-07-28 transport every POST carries MCP-Protocol-Version (= _meta), Mcp-Method and, for tools/call, prompts/get and resources/read, Mcp-Name; no GET, DELETE or session id follows.',
  source: spec(SINCE, 'Transports › Streamable HTTP › Request Metadata (MUST / REQUIRED)'),
  level: 'MUST',
  exercised: (trial) => modernRequests(trial).length > 0,
  check(trial): Violation[] {
    const modern = modernRequests(trial)
    const headerProblems = modern.flatMap((e) =>
      Object.entries(requiredModernHeaders(JSON.parse(e.requestBody ?? ''))).flatMap(([name, expected]) => {
        const sent = headerValue(e.requestHeaders, name)
        const value = sent !== undefined && name === 'mcp-name' ? decodeMcpName(sent) : sent
        if (value === expected) return []
        const problem = sent === undefined ? `lacked ${name}` : `carried ${name}: ${sent}, not ${expected}`
        return [{ property: ID, exchange: e.seq, message: `request #${e.seq} POST ${e.url} ${problem}` }]
      }),
    )
    const established = modern.find((e) => e.status === 200)
    const after = established?.responseTick ?? Infinity
    const legacyProblems = mcpEndpointExchanges(trial.config, trial.exchanges)
      .filter((e) => e.requestTick > after)
      .flatMap((e) => {
        const sessionId = headerValue(e.requestHeaders, 'mcp-session-id')
        const problem =
          e.method === 'GET' || e.method === 'DELETE'
            ? `was a ${e.method}, which the POST-only 2026-07-28 transport does not have`
            : sessionId !== undefined
              ? 'carried Mcp-Session-Id, which the 2026-07-28 transport does not have'
              : undefined
        return problem ? [{ property: ID, exchange: e.seq, message: `request #${e.seq} ${e.method} ${e.url} ${problem}` }] : []
      })
    return [...headerProblems, ...legacyProblems]
  },
}
