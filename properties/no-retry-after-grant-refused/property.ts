import { extension, rfc, type Property } from '../../src/property/property.js'
import type { Exchange } from '../../src/core/exchange.js'
import type { Trial } from '../../src/core/trial.js'
import { CLIENT_CREDENTIALS_GRANT, JWT_BEARER_GRANT } from '../../src/spec/oauth-grants.js'
import {
  authorizationServerTokenRequests,
  hasMachineGrant,
  oauthErrorOf,
  userFlowRequests,
} from '../../src/traffic/machine-grants.js'

const ID = 'no-retry-after-grant-refused'

/** The errors by which an authorization server refuses a grant for good (RFC 6749 §5.2); a DPoP nonce request is not one. */
const REFUSALS = ['invalid_grant', 'invalid_scope', 'unauthorized_client']

/** The first token request for a grant without a user that the AS refused. */
function firstRefusal(trial: Trial): Exchange | undefined {
  return authorizationServerTokenRequests(trial).find(
    ({ exchange, form }) =>
      [CLIENT_CREDENTIALS_GRANT, JWT_BEARER_GRANT].includes(form.get('grant_type') ?? '') &&
      REFUSALS.includes(oauthErrorOf(exchange) ?? ''),
  )?.exchange
}

/**
 * Once the authorization server refused a grant without a user (invalid_grant, invalid_scope,
 * unauthorized_client), the client surfaces the error: it sends the same credentials again no
 * more, and does not fall back to another grant. The conformance suite's `wif-no-retry` and
 * `wif-grant-fallback` (warnings there; SHOULD here).
 */
export const noRetryAfterGrantRefused: Property = {
  id: ID,
  statement:
    'After the authorization server refuses a client credentials or JWT bearer grant (invalid_grant, invalid_scope, unauthorized_client), the client makes no further token request and does not fall back to another grant.',
  source: extension('workload-identity', 'Error Handling', [rfc(6749, '5.2'), rfc(7523, '3.1')]),
  level: 'SHOULD',
  exercised: (trial) => hasMachineGrant(trial) && firstRefusal(trial) !== undefined,
  check(trial) {
    const refusal = firstRefusal(trial)!
    const error = oauthErrorOf(refusal)
    const later = [...authorizationServerTokenRequests(trial).map(({ exchange }) => exchange), ...userFlowRequests(trial)]
      .filter((e) => refusal.responseTick !== undefined && e.requestTick > refusal.responseTick)
      .sort((a, b) => a.seq - b.seq)
    return later.map((exchange) => ({
      property: ID,
      exchange: exchange.seq,
      message: `request #${exchange.seq} ${exchange.method} ${new URL(exchange.url).pathname} came after the authorization server refused the grant with ${error} (#${refusal.seq}): the client should surface the error, not retry or fall back`,
    }))
  },
}
