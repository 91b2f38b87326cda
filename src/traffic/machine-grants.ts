// The token requests of the grants without a user, as the properties of the authorization
// extensions read them: which went to the authorization server and which to the enterprise IdP.
import type { Exchange } from '../core/exchange.js'
import type { Trial } from '../core/trial.js'
import { jsonObject } from '../core/json.js'
import { authorizeRequests, registrationRequests, tokenRequests } from './oauth-flow.js'

/** Whether an exchange went to the enterprise identity provider the config names. */
function atIdentityProvider(trial: Trial, exchange: Exchange): boolean {
  return (
    trial.config.identityProvider !== undefined && new URL(exchange.url).origin === new URL(trial.config.identityProvider).origin
  )
}

/** Token requests to the enterprise identity provider (RFC 8693 token exchange, SEP-990). */
export function identityProviderTokenRequests(trial: Trial): Array<{ exchange: Exchange; form: URLSearchParams }> {
  return tokenRequests(trial).filter(({ exchange }) => atIdentityProvider(trial, exchange))
}

/** Token requests to authorization servers (every token endpoint but the identity provider's). */
export function authorizationServerTokenRequests(trial: Trial): Array<{ exchange: Exchange; form: URLSearchParams }> {
  return tokenRequests(trial).filter(({ exchange }) => !atIdentityProvider(trial, exchange))
}

/** Requests that belong to a user's flow (opening the authorization page, registering): never needed by a grant without a user. */
export function userFlowRequests(trial: Trial): Exchange[] {
  return [...authorizeRequests(trial), ...registrationRequests(trial)].sort((a, b) => a.seq - b.seq)
}

/** The `error` of an OAuth error response (RFC 6749 §5.2), if the exchange is one. */
export function oauthErrorOf(exchange: Exchange): string | undefined {
  if (exchange.status === undefined || exchange.status < 400) return undefined
  const error = jsonObject(exchange.responseBody)?.error
  return typeof error === 'string' ? error : undefined
}

/** Whether the config names a grant without a user (client credentials, enterprise-managed, workload identity). */
export function hasMachineGrant(trial: Trial): boolean {
  return trial.config.grant !== undefined
}
