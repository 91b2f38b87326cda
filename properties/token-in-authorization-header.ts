import type { Property } from '../src/property/property.js'
import { headerValue } from '../src/traffic/exchange.js'
import { mcpEndpointExchanges } from '../src/traffic/mcp-endpoint.js'
import { issuedTokens } from '../src/traffic/oauth-flow.js'

const ID = 'token-in-authorization-header'

/**
 * Once the client holds an access token, every request to the MCP endpoint carries it as
 * `Authorization: Bearer <token>` (one of the tokens issued), and no URL anywhere carries a token.
 */
export const tokenInAuthorizationHeader: Property = {
  id: ID,
  statement:
    'After a token was issued, every MCP request carries Authorization: Bearer <token>; no URL carries a token or access_token=.',
  source: {
    kind: 'spec',
    version: '2025-03-26 … 2025-11-25',
    section: 'Authorization › Access Token Usage › Token Requirements',
  },
  level: 'MUST',
  exercised: (trial) => issuedTokens(trial).length > 0,
  check(trial) {
    const issued = issuedTokens(trial)
    if (issued.length === 0) return []
    const first = Math.min(...issued.map((t) => t.tick))
    const tokens = new Set(issued.map((t) => t.token))
    const inUrl = trial.exchanges
      .filter((e) => e.url.includes('access_token=') || [...tokens].some((t) => e.url.includes(t)))
      .map((e) => ({
        property: ID,
        exchange: e.seq,
        message: `request #${e.seq} ${e.method} ${e.url.split('?')[0]} carried an access token in its URL`,
      }))
    const missing = mcpEndpointExchanges(trial.config, trial.exchanges)
      .filter((e) => e.requestTick > first)
      .filter((e) => !tokens.has(/^Bearer (.+)$/.exec(headerValue(e.requestHeaders, 'authorization') ?? '')?.[1] ?? ''))
      .map((e) => ({
        property: ID,
        exchange: e.seq,
        message: `request #${e.seq} ${e.method} ${e.url.split('?')[0]} lacked Authorization: Bearer with the issued token`,
      }))
    return [...inUrl, ...missing].sort((a, b) => a.exchange - b.exchange)
  },
}
