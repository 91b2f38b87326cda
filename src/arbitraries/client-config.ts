import fc from 'fast-check'
import type { ClientConfig, Transport } from '../config/client-config.js'
import { headersArbitrary } from './headers.js'
import { mcpUrlArbitrary } from './mcp-url.js'
import { transportArbitrary } from './transport.js'

/** The client id a config brings when the user pre-registered the client with the server's AS. */
export const PRE_REGISTERED_CLIENT_ID = 'pre-registered-client'

/**
 * A ClientConfig for a client supporting `transports`: transport × URL × headers, sometimes a
 * pre-registered OAuth client id.
 *
 * @example
 * fc.sample(clientConfigArbitrary(['streamable-http']), 1)
 * // [{ transport: 'streamable-http', url: 'http://mcp.test/mcp', headers: { 'X-API-Key': 'k8…' } }]
 */
export function clientConfigArbitrary(
  transports: readonly Transport[],
  options: { oauthClientId?: boolean } = {},
): fc.Arbitrary<ClientConfig> {
  const clientId =
    options.oauthClientId === false
      ? fc.constant(undefined)
      : fc.option(fc.constant(PRE_REGISTERED_CLIENT_ID), { nil: undefined, freq: 6 })
  return fc
    .record({
      transport: transportArbitrary(transports),
      url: mcpUrlArbitrary(),
      headers: headersArbitrary(),
      oauthClientId: clientId,
    })
    .map(({ oauthClientId, ...config }) => (oauthClientId === undefined ? config : { ...config, oauthClientId }))
}
