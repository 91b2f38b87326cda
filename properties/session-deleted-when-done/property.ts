import { spec, type Property, type Violation } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import { headerValue, type Exchange } from '../../src/core/exchange.js'
import { mcpEndpointExchanges } from '../../src/traffic/mcp-endpoint.js'

const ID = 'session-deleted-when-done'

/**
 * The session the client held when it finished on its own: the last `Mcp-Session-Id` the server
 * issued, unless the server had already forgotten it (a 404). Sessions a client left for a new one
 * (after re-authorization) are not judged: whether it still needed them is not in the traffic.
 */
function lastSession(trial: Trial): { id: string; issued: Exchange } | undefined {
  if (trial.config.transport !== 'streamable-http' || trial.outcome.kind !== 'completed') return undefined
  const endpoint = mcpEndpointExchanges(trial.config, trial.exchanges)
  const issued = endpoint
    .filter((e) => e.method === 'POST' && headerValue(e.responseHeaders, 'mcp-session-id') !== undefined)
    .at(-1)
  const id = issued && headerValue(issued.responseHeaders, 'mcp-session-id')
  if (!issued || id === undefined) return undefined
  const forgotten = endpoint.some(
    (e) => e.status === 404 && e.method !== 'DELETE' && headerValue(e.requestHeaders, 'mcp-session-id') === id,
  )
  return forgotten ? undefined : { id, issued }
}

/**
 * A client done with its session ends it: a DELETE to the MCP endpoint carrying the session id
 * (a server that answers 405 does not allow it, which is fine), so the server can free it.
 */
export const sessionDeletedWhenDone: Property = {
  id: ID,
  statement:
    'A client that finishes a Streamable HTTP session the server issued an Mcp-Session-Id for ends it with a DELETE carrying that id.',
  source: spec('2025-03-26', 'Transports › Streamable HTTP › Session Management (SHOULD)'),
  level: 'SHOULD',
  exercised: (trial) => lastSession(trial) !== undefined,
  check(trial): Violation[] {
    const session = lastSession(trial)
    if (!session) return []
    const deleted = mcpEndpointExchanges(trial.config, trial.exchanges).some(
      (e) => e.method === 'DELETE' && headerValue(e.requestHeaders, 'mcp-session-id') === session.id,
    )
    if (deleted) return []
    return [
      {
        property: ID,
        exchange: session.issued.seq,
        message: `the session issued to request #${session.issued.seq} was never ended with a DELETE carrying its id, though the client finished`,
      },
    ]
  },
}
