import { spec, type Property, type Violation } from '../../src/property/property.js'
import { parseJsonOr } from '../../src/core/json.js'
import { modernEraRequests } from '../../src/traffic/modern-era.js'

const ID = 'no-client-responses'

/** Whether a message is a JSON-RPC response: an id and a result or an error, no method. */
function isResponse(message: unknown): boolean {
  if (typeof message !== 'object' || message === null) return false
  const m = message as Record<string, unknown>
  return m.method === undefined && 'id' in m && ('result' in m || 'error' in m)
}

/**
 * In the 2026-07-28 transport a POST body is one JSON-RPC request or notification: the client
 * never sends a response (the server sends it no requests to answer, unlike the 2025 transports).
 */
export const noClientResponses: Property = {
  id: ID,
  statement:
    'In the 2026-07-28 transport no POST body is a JSON-RPC response (a result or an error without a method), alone or in a batch.',
  source: spec('2026-07-28', 'Transports › Streamable HTTP › Sending Messages (MUST NOT)', {
    page: 'basic/transports/streamable-http',
  }),
  level: 'MUST',
  exercised: (trial) => modernEraRequests(trial).some((e) => e.method === 'POST'),
  check(trial): Violation[] {
    return modernEraRequests(trial).flatMap((e) => {
      if (e.method !== 'POST') return []
      const body = parseJsonOr(e.requestBody, undefined)
      const messages: unknown[] = Array.isArray(body) ? body : [body]
      if (!messages.some(isResponse)) return []
      return [
        {
          property: ID,
          exchange: e.seq,
          message: `request #${e.seq} POST ${e.url} sent a JSON-RPC response in the 2026-07-28 era, whose POSTs carry requests only`,
        },
      ]
    })
  },
}
