import type fc from 'fast-check'
import type { ClientConfig, Transport } from '../core/client-config.js'
import { trialInputArbitrary } from './trial-input.js'

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
