import { spec, type Property } from '../../src/property/property.js'
import { authorizeRequests, tokenRequests } from '../../src/traffic/oauth-flow.js'
import { mcpEndpointExchanges } from '../../src/traffic/mcp-endpoint.js'
import type { Trial } from '../../src/core/trial.js'

const ID = 'bounded-auth-retries'
/** Authorizations a client may start in one session (initial + step-ups/retries), as the spec's "retry limits" suggest. */
export const MAX_AUTHORIZATION_REQUESTS = 3
export const MAX_TOKEN_REQUESTS = 6
/** Requests to the MCP endpoint the server may refuse (401/403) in one session before the client must stop retrying. */
export const MAX_REFUSED_REQUESTS = 10

/** The MCP endpoint's requests answered 401 or 403, of any kind (POST, GET stream, DELETE). */
function refused(trial: Trial) {
  return mcpEndpointExchanges(trial.config, trial.exchanges).filter((e) => e.status === 401 || e.status === 403)
}

/** A server that keeps answering 401 (or 403) does not make the client authorize or fetch tokens without end. */
export const boundedAuthRetries: Property = {
  id: ID,
  statement: `A server that keeps refusing the client does not cause unbounded retries: at most ${MAX_AUTHORIZATION_REQUESTS} authorization, ${MAX_TOKEN_REQUESTS} token and ${MAX_REFUSED_REQUESTS} refused MCP requests (any kind: POST, GET stream, DELETE) per session.`,
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
    const over = [
      ...(refusals.length > MAX_REFUSED_REQUESTS
        ? [{ e: refusals[MAX_REFUSED_REQUESTS]!, n: refusals.length, what: 'refused MCP', max: MAX_REFUSED_REQUESTS }]
        : []),
      ...(authorizations.length > MAX_AUTHORIZATION_REQUESTS
        ? [
            {
              e: authorizations[MAX_AUTHORIZATION_REQUESTS]!,
              n: authorizations.length,
              what: 'authorization',
              max: MAX_AUTHORIZATION_REQUESTS,
            },
          ]
        : []),
      ...(tokens.length > MAX_TOKEN_REQUESTS
        ? [{ e: tokens[MAX_TOKEN_REQUESTS]!, n: tokens.length, what: 'token', max: MAX_TOKEN_REQUESTS }]
        : []),
    ]
    return over.map(({ e, n, what, max }) => ({
      property: ID,
      exchange: e.seq,
      message: `request #${e.seq} was ${what} request ${max + 1}: ${n} ${what} requests in one session (at most ${max})`,
    }))
  },
}
