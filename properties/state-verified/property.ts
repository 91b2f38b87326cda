import { spec, type Property, type Violation } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import { headerValue } from '../../src/core/exchange.js'
import { authorizeRequests, tokenRequests } from '../../src/traffic/oauth-flow.js'

const ID = 'state-verified'

/** The state an authorization request sent, and the callback its answer redirected to (when it did, with a code). */
function authorizations(trial: Trial) {
  return authorizeRequests(trial).map((exchange) => {
    const sent = new URL(exchange.url).searchParams.get('state')
    const location = headerValue(exchange.responseHeaders, 'location')
    const callback =
      location !== undefined && URL.canParse(location, exchange.url) ? new URL(location, exchange.url).searchParams : undefined
    return { exchange, sent, callback }
  })
}

/**
 * The authorization code flow uses `state` and checks it: every authorization request carries one,
 * and a callback without it or with another (one the client did not start: an attacker's) is
 * discarded, its code never redeemed.
 */
export const stateVerified: Property = {
  id: ID,
  statement:
    'Every authorization request carries state, and the code of a callback whose state is missing or differs is never sent to the token endpoint.',
  source: spec('2025-06-18', 'Authorization › Security Considerations › Open Redirection (SHOULD use and verify state)'),
  level: 'SHOULD',
  exercised: (trial) => authorizeRequests(trial).length > 0,
  check(trial): Violation[] {
    const redeemed = new Set(tokenRequests(trial).flatMap(({ form }) => form.get('code') ?? []))
    return authorizations(trial).flatMap(({ exchange: e, sent, callback }): Violation[] => {
      if (!sent) return [{ property: ID, exchange: e.seq, message: `authorization request #${e.seq} carried no state` }]
      const code = callback?.get('code')
      const returned = callback?.get('state')
      if (!code || returned === sent || !redeemed.has(code)) return []
      const token = tokenRequests(trial).find(({ form }) => form.get('code') === code)!.exchange
      return [
        {
          property: ID,
          exchange: token.seq,
          message: `token request #${token.seq} redeemed the code of a callback whose state ${returned === undefined || returned === null ? 'was missing' : 'was not the one'} authorization request #${e.seq} sent`,
        },
      ]
    })
  },
}
