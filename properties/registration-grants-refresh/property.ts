import { spec, type Property, type Violation } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import type { Exchange } from '../../src/core/exchange.js'
import { jsonObject } from '../../src/core/json.js'
import { registrationRequests, tokenRequests } from '../../src/traffic/oauth-flow.js'

const ID = 'registration-grants-refresh'

/** The registrations of a client that went on to refresh: each sent before the trial's first refresh_token grant. */
function registrationsOfARefresher(trial: Trial): Exchange[] {
  const refresh = tokenRequests(trial).find(({ form }) => form.get('grant_type') === 'refresh_token')
  if (!refresh) return []
  return registrationRequests(trial).filter((e) => e.requestTick < refresh.exchange.requestTick)
}

/**
 * A client that wants refresh tokens says so when it registers (RFC 7591 `grant_types`): a client
 * that goes on to refresh listed `refresh_token`, or a strict authorization server would never
 * have issued it one (and a lenient one did so against the registered metadata).
 */
export const registrationGrantsRefresh: Property = {
  id: ID,
  statement: 'A client that refreshes registered (dynamic client registration) with refresh_token among its grant_types.',
  source: spec('2026-07-28', 'Authorization › Refresh Tokens (SHOULD)', { page: 'basic/authorization' }),
  level: 'SHOULD',
  exercised: (trial) => registrationsOfARefresher(trial).length > 0,
  check(trial): Violation[] {
    return registrationsOfARefresher(trial).flatMap((e) => {
      const grants = jsonObject(e.requestBody)?.grant_types
      if (Array.isArray(grants) && grants.includes('refresh_token')) return []
      const listed = Array.isArray(grants)
        ? `grant_types ${JSON.stringify(grants)}`
        : 'no grant_types (RFC 7591 reads it as authorization_code only)'
      return [
        {
          property: ID,
          exchange: e.seq,
          message: `registration request #${e.seq} has ${listed}, yet the client later refreshed: refresh_token belongs in its grant_types`,
        },
      ]
    })
  },
}
