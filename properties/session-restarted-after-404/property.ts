import { spec, type Property, type Violation } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import { headerValue, startsNegotiation, type Exchange } from '../../src/core/exchange.js'
import { mcpEndpointExchanges } from '../../src/traffic/mcp-endpoint.js'

const ID = 'session-restarted-after-404'

/**
 * The requests that met a forgotten session: a 404 to a request carrying a session id, one per id
 * (the first). A DELETE is left out, and what was answered after it: a client ending a session need
 * not start another.
 */
function expiries(trial: Trial): Array<{ exchange: Exchange; session: string }> {
  const seen = new Set<string>()
  const found: Array<{ exchange: Exchange; session: string }> = []
  const endpoint = mcpEndpointExchanges(trial.config, trial.exchanges)
  // A session the client ended itself: a 404 after its DELETE went out (a GET stream reopened) is what it asked for.
  const deletedAt = (session: string) =>
    endpoint.find((e) => e.method === 'DELETE' && headerValue(e.requestHeaders, 'mcp-session-id') === session)?.requestTick ??
    Infinity
  for (const exchange of endpoint) {
    const session = headerValue(exchange.requestHeaders, 'mcp-session-id')
    if (session === undefined || exchange.method === 'DELETE' || exchange.status !== 404 || seen.has(session)) continue
    if (exchange.responseTick === undefined || exchange.responseTick > deletedAt(session)) continue
    seen.add(session)
    found.push({ exchange, session })
  }
  return found
}

/** What the client did wrong after the 404 to `expired`, if anything: one violation. */
function afterExpiry(trial: Trial, expired: Exchange, session: string): Violation | undefined {
  const later = mcpEndpointExchanges(trial.config, trial.exchanges).filter((e) => e.requestTick > expired.responseTick!)
  const where = `the 404 to request #${expired.seq} ${expired.method} ${expired.url} (its session was gone)`
  // A DELETE of the dead session on the way out is moot, not a reuse: the session is what was owed.
  const reused = later.find((e) => e.method !== 'DELETE' && headerValue(e.requestHeaders, 'mcp-session-id') === session)
  if (reused)
    return {
      property: ID,
      exchange: reused.seq,
      message: `request #${reused.seq} ${reused.method} ${reused.url} carried the session id that got ${where}: a new session starts without it`,
    }
  const next = later.find((e) => e.method === 'POST')
  if (!next)
    return {
      property: ID,
      exchange: expired.seq,
      message: `after ${where}, the client sent no new initialize: it did not start a new session`,
    }
  if (!startsNegotiation(next.requestBody))
    return {
      property: ID,
      exchange: next.seq,
      message: `request #${next.seq} POST ${next.url}, the first POST after ${where}, was not a new initialize`,
    }
  if (headerValue(next.requestHeaders, 'mcp-session-id') !== undefined)
    return {
      property: ID,
      exchange: next.seq,
      message: `request #${next.seq} POST ${next.url}, the new initialize after ${where}, carried a session id: it goes without one`,
    }
  return undefined
}

/**
 * When a request carrying `Mcp-Session-Id: S` is answered 404, the client starts a new session:
 * its next POST is an `initialize` without a session id, and S is never sent again.
 */
export const sessionRestartedAfter404: Property = {
  id: ID,
  statement:
    'After a 404 to a request carrying Mcp-Session-Id S, the client starts a new session: its next POST is an initialize without a session id, and S is never sent again.',
  source: spec('2025-03-26', 'Transports › Streamable HTTP › Session Management', { alsoBefore: true }),
  level: 'MUST',
  exercised: (trial) => trial.config.transport === 'streamable-http' && expiries(trial).length > 0,
  check(trial: Trial): Violation[] {
    if (trial.config.transport !== 'streamable-http') return []
    return expiries(trial).flatMap(({ exchange, session }) => afterExpiry(trial, exchange, session) ?? [])
  },
}
