import type fc from 'fast-check'
import { TRANSPORTS } from '../core/client-config.js'
import type { OAuthPlan } from '../core/trial-input.js'
import { trialInputArbitrary } from './trial-input.js'

/**
 * An OAuth-protected server and its authorization server, as the dimension table draws it (every
 * `oauth.*` dimension): the challenge, where the PRM lives and what it names, where the AS is and
 * which metadata it serves, PKCE support, registration and client authentication, scopes, whether
 * the server accepts, revokes or refreshes tokens. Each shrinks to the common, working case.
 *
 * @example
 * fc.sample(oauthPlanArbitrary(), 1) // [{ challenge: 'resource-metadata', prm: 'path-inserted', … }]
 */
export function oauthPlanArbitrary(): fc.Arbitrary<OAuthPlan> {
  return trialInputArbitrary(TRANSPORTS, { fixed: { auth: 'oauth' } }).map(({ plan }) => {
    if (plan.auth.kind !== 'oauth') throw new Error('auth is fixed to oauth')
    return plan.auth.oauth
  })
}
