import { spec, type Property } from '../../src/property/property.js'
import { authorizeRequests, issuedTokens, tokenRequests } from '../../src/traffic/oauth-flow.js'
import { refusalLoops } from '../../src/traffic/refusal-loops.js'
import { mcpEndpointExchanges } from '../../src/traffic/mcp-endpoint.js'
import type { Trial } from '../../src/core/trial.js'

const ID = 'bounded-auth-retries'
/** Authorizations a client may start in one session (initial + step-ups/retries), as the spec's "retry limits" suggest. */
export const MAX_AUTHORIZATION_REQUESTS = 3
export const MAX_TOKEN_REQUESTS = 6
/** Requests to the MCP endpoint the server may refuse (401/403) in one session before the client must stop retrying. */
export const MAX_REFUSED_REQUESTS = 10
/** A request refused, sent again after a new token and refused again this many times, is a loop. */
export const MAX_FRUITLESS_RENEWALS = 3
/** The limits above hold per started minute of a session: a session held for an hour may retry more in total, never faster. */
const LIMIT_WINDOW_MS = 60_000

/** How many windows of LIMIT_WINDOW_MS the session spans (1 when the capture has no times: a recording). */
function windowsOf(trial: Trial): number {
  const times = trial.exchanges.map((e) => e.sentAtMs).filter((t): t is number => t !== undefined)
  if (times.length < 2) return 1
  return Math.max(1, Math.ceil((Math.max(...times) - Math.min(...times) + 1) / LIMIT_WINDOW_MS))
}

/** The MCP endpoint's requests answered 401 or 403, of any kind (POST, GET stream, DELETE). */
function refused(trial: Trial) {
  return mcpEndpointExchanges(trial.config, trial.exchanges).filter((e) => e.status === 401 || e.status === 403)
}

/** A server that keeps answering 401 (or 403) does not make the client authorize or fetch tokens without end. */
export const boundedAuthRetries: Property = {
  id: ID,
  statement: `A server that keeps refusing the client does not cause unbounded retries: at most ${MAX_AUTHORIZATION_REQUESTS} authorization, ${MAX_TOKEN_REQUESTS} token and ${MAX_REFUSED_REQUESTS} refused MCP requests (any kind: POST, GET stream, DELETE) per session minute, and no request refused again after each new token ${MAX_FRUITLESS_RENEWALS} times in a row (a loop, however short the session).`,
  source: spec(
    '2025-11-25',
    'Authorization › Scope Challenge Handling ("Clients SHOULD implement retry limits"); typescript-sdk PR #945',
    { alsoBefore: true },
  ),
  level: 'SHOULD',
  exercised: (trial) => authorizeRequests(trial).length > 0 || refused(trial).length > 0,
  check(trial) {
    const authorizations = authorizeRequests(trial)
    const tokens = tokenRequests(trial).map((t) => t.exchange)
    const refusals = refused(trial)
    // Per unit of time and in total: a session held open longer gets the same allowance per minute.
    const windows = windowsOf(trial)
    const loops = refusalLoops(
      refusals,
      issuedTokens(trial).map((t) => t.tick),
      MAX_FRUITLESS_RENEWALS,
    ).map(({ kind, refusals: shown }) => {
      const last = shown.at(-1)!
      return {
        property: ID,
        exchange: last.seq,
        message: `request #${last.seq}: ${kind} was refused, sent again after a new token and refused again ${MAX_FRUITLESS_RENEWALS} times in a row (${shown.map((e) => `#${e.seq}`).join(', ')}): a loop that gains nothing`,
      }
    })
    const capped = (max: number) => max * windows
    const over = [
      { all: refusals, what: 'refused MCP', max: capped(MAX_REFUSED_REQUESTS) },
      { all: authorizations, what: 'authorization', max: capped(MAX_AUTHORIZATION_REQUESTS) },
      { all: tokens, what: 'token', max: capped(MAX_TOKEN_REQUESTS) },
    ].filter(({ all, max }) => all.length > max)
    const span = windows === 1 ? 'in one session' : `in a session of ${windows} minutes`
    return [
      ...over.map(({ all, what, max }) => ({
        property: ID,
        exchange: all[max]!.seq,
        message: `request #${all[max]!.seq} was ${what} request ${max + 1}: ${all.length} ${what} requests ${span} (at most ${max})`,
      })),
      ...loops,
    ]
  },
}
