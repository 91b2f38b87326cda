import { spec, type Property } from '../../src/property/property.js'
import { headerValue } from '../../src/core/exchange.js'
import { mcpEndpointExchanges } from '../../src/traffic/mcp-endpoint.js'
import { issuedTokens } from '../../src/traffic/oauth-flow.js'

const ID = 'token-in-authorization-header'

/**
 * Once the client holds an access token, every request to the MCP endpoint carries it as
 * `Authorization: Bearer <token>` (one of the tokens issued; `DPoP <token>` for a DPoP-bound one,
 * RFC 9449 §7.1), and no URL anywhere carries a token.
 * A token the server refused (401 to a request that carried it) may be dropped: until the next
 * token is issued the client holds none, and may ask again without one to be challenged afresh.
 */
export const tokenInAuthorizationHeader: Property = {
  id: ID,
  statement:
    'After a token was issued, every MCP request carries Authorization: Bearer <token>; no URL carries a token or access_token=.',
  source: spec('2025-03-26', 'Authorization › Access Token Usage › Token Requirements', { alsoBefore: true }),
  level: 'MUST',
  exercised: (trial) => issuedTokens(trial).length > 0,
  check(trial) {
    const issued = issuedTokens(trial)
    if (issued.length === 0) return []
    const first = Math.min(...issued.map((t) => t.tick))
    const tokens = new Set(issued.map((t) => t.token))
    const schemes = new Map(issued.map((t) => [t.token, t.scheme.toLowerCase()]))
    const inUrl = trial.exchanges
      .filter((e) => e.url.includes('access_token=') || [...tokens].some((t) => e.url.includes(t)))
      .map((e) => ({
        property: ID,
        exchange: e.seq,
        message: `request #${e.seq} ${e.method} ${e.url.split('?')[0]} carried an access token in its URL`,
      }))
    const endpoint = mcpEndpointExchanges(trial.config, trial.exchanges)
    // Precisely what is wrong: no Authorization, another value, or the token merged with another
    // value (fetch joins repeated headers with ", "); reports redact each value to its own placeholder.
    const problem = (e: (typeof endpoint)[number]) => {
      const sent = headerValue(e.requestHeaders, 'authorization')
      if (sent === undefined) return 'lacked Authorization: Bearer with the issued token'
      const parts = sent.split(/,\s*/)
      if (parts.length > 1 && parts.some((part) => tokens.has(/^(?:Bearer|DPoP) (.+)$/.exec(part)?.[1] ?? '')))
        return `carried the issued token merged with another Authorization value: sent "${sent}"`
      return `carried Authorization "${sent}", not the issued token`
    }
    // The token, when it is sent with its own scheme (Bearer, or DPoP for a DPoP-bound one).
    const bearerOf = (e: (typeof endpoint)[number]) => {
      const match = /^(Bearer|DPoP) (.+)$/.exec(headerValue(e.requestHeaders, 'authorization') ?? '')
      return match && schemes.get(match[2]!) === match[1]!.toLowerCase() ? match[2]! : ''
    }
    const refusals = endpoint
      .filter((e) => e.status === 401 && tokens.has(bearerOf(e)))
      .map((e) => e.responseTick ?? e.requestTick)
    /** Whether the client holds no usable token at this tick: the last token it used was refused and none came since. */
    const tokenRefused = (tick: number) => {
      const refusedAt = Math.max(-1, ...refusals.filter((r) => r < tick))
      return refusedAt >= 0 && !issued.some((t) => t.tick > refusedAt && t.tick < tick)
    }
    const missing = endpoint
      .filter((e) => e.requestTick > first && !tokenRefused(e.requestTick))
      .filter((e) => !tokens.has(bearerOf(e)))
      .map((e) => ({
        property: ID,
        exchange: e.seq,
        message: `request #${e.seq} ${e.method} ${e.url.split('?')[0]} ${problem(e)}`,
      }))
    return [...inUrl, ...missing].sort((a, b) => a.exchange - b.exchange)
  },
}
