import type fc from 'fast-check'
import { PRE_REGISTERED_CLIENT_ID, type ClientConfig, type Transport } from '../core/client-config.js'
import { trialInputArbitrary } from './trial-input.js'

export { PRE_REGISTERED_CLIENT_ID }

/**
 * A ClientConfig for a client supporting `transports`, as the dimension table draws it: transport
 * × URL × headers, sometimes a pre-registered OAuth client id.
 *
 * @example
 * fc.sample(clientConfigArbitrary(['streamable-http']), 1)
 * // [{ transport: 'streamable-http', url: 'http://mcp.test/mcp', headers: { 'X-API-Key': 'k8…' } }]
 */
export function clientConfigArbitrary(
  transports: readonly Transport[],
  options: { oauthClientId?: boolean } = {},
): fc.Arbitrary<ClientConfig> {
  return trialInputArbitrary(transports, options).map((input) => input.config)
}
