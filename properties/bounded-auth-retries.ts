import type { Property } from '../src/property/property.js'
import { authorizeRequests, tokenRequests } from '../src/traffic/oauth-flow.js'

const ID = 'bounded-auth-retries'
/** Authorizations a client may start in one session (initial + step-ups/retries), as the spec's "retry limits" suggest. */
export const MAX_AUTHORIZATION_REQUESTS = 3
export const MAX_TOKEN_REQUESTS = 6

/** A server that keeps answering 401 (or 403) does not make the client authorize or fetch tokens without end. */
export const boundedAuthRetries: Property = {
  id: ID,
  statement: `A server that keeps refusing the token does not cause unbounded re-authorization: at most ${MAX_AUTHORIZATION_REQUESTS} authorization and ${MAX_TOKEN_REQUESTS} token requests per session.`,
  source: {
    kind: 'spec',
    version: '2025-11-25',
    section: 'Authorization › Scope Challenge Handling ("Clients SHOULD implement retry limits"); typescript-sdk PR #945',
  },
  level: 'SHOULD',
  exercised: (trial) => authorizeRequests(trial).length > 0,
  check(trial) {
    const authorizations = authorizeRequests(trial)
    const tokens = tokenRequests(trial).map((t) => t.exchange)
    const over = [
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
