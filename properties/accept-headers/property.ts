import { spec, type Property, type Violation } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import type { Exchange } from '../../src/core/exchange.js'
import { headerValue } from '../../src/core/exchange.js'
import { mcpEndpointExchanges } from '../../src/traffic/mcp-endpoint.js'

const ID = 'accept-headers'

function lists(accept: string | undefined, type: string): boolean {
  return (accept ?? '').split(',').some((part) => part.split(';')[0]!.trim().toLowerCase() === type)
}

function judged(trial: Trial): Exchange[] {
  if (trial.config.transport !== 'streamable-http') return []
  return mcpEndpointExchanges(trial.config, trial.exchanges).filter((e) => e.method === 'POST' || e.method === 'GET')
}

/**
 * Streamable HTTP: every POST to the MCP endpoint accepts both `application/json` and
 * `text/event-stream`; every GET accepts `text/event-stream`.
 */
export const acceptHeaders: Property = {
  id: ID,
  statement:
    'Every POST to the MCP endpoint lists application/json and text/event-stream in Accept; every GET lists text/event-stream.',
  source: spec(
    '2025-03-26',
    'Transports › Streamable HTTP › Sending Messages to the Server; Listening for Messages from the Server',
    { alsoBefore: true },
  ),
  level: 'MUST',
  exercised: (trial) => judged(trial).length > 0,
  check(trial: Trial): Violation[] {
    return judged(trial).flatMap((e) => {
      const accept = headerValue(e.requestHeaders, 'accept')
      const wanted = e.method === 'POST' ? ['application/json', 'text/event-stream'] : ['text/event-stream']
      const missing = wanted.filter((type) => !lists(accept, type))
      if (missing.length === 0) return []
      return [
        {
          property: ID,
          exchange: e.seq,
          message: `request #${e.seq} ${e.method} ${e.url} had Accept ${JSON.stringify(accept ?? '')}, without ${missing.join(' and ')}`,
        },
      ]
    })
  },
}
