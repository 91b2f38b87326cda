import { spec, type Property, type Violation } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import { mcpEndpointExchanges } from '../../src/traffic/mcp-endpoint.js'
import { isChallenge, isOAuthRequest } from '../../src/traffic/oauth-requests.js'

const ID = 'no-discovery-without-challenge'

/**
 * No OAuth discovery or flow request (well-known metadata in any placement, registration,
 * authorization, token), on any origin, before the client had received a 401 (or a 403
 * `insufficient_scope`) from the MCP endpoint.
 */
export const noDiscoveryWithoutChallenge: Property = {
  id: ID,
  statement:
    'No OAuth discovery, registration, authorization or token request, on any origin, before the MCP server has answered 401 (or 403 insufficient_scope).',
  source: spec(
    '2025-03-26',
    'Authorization › Authorization Flow › Example: authorization code grant ("Clients initiate the OAuth 2.1 authorization flow after receiving the HTTP 401 Unauthorized"); seen broken in claude-code#7290, #47424, codex#5588, vscode#334970',
    { alsoBefore: true },
  ),
  level: 'MUST',
  exercised: (trial) => trial.exchanges.length > 0,
  check(trial: Trial): Violation[] {
    const challenges = mcpEndpointExchanges(trial.config, trial.exchanges).filter(isChallenge)
    const first = challenges.reduce<number>((min, e) => Math.min(min, e.responseTick ?? Infinity), Infinity)
    const firstSeq = challenges.find((e) => e.responseTick === first)?.seq
    return trial.exchanges
      .filter((exchange) => isOAuthRequest(exchange) && exchange.requestTick < first)
      .map((exchange) => ({
        property: ID,
        exchange: exchange.seq,
        message:
          `request #${exchange.seq} ${exchange.method} ${exchange.url} is OAuth discovery, but the MCP server ` +
          (firstSeq === undefined
            ? 'never answered 401'
            : `had not yet answered 401 (its first challenge was the response to #${firstSeq})`),
      }))
  },
}
