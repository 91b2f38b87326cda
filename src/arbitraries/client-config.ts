import fc from 'fast-check'
import type { ClientConfig, Transport } from '../config/client-config.js'
import { headersArbitrary } from './headers.js'
import { mcpUrlArbitrary } from './mcp-url.js'
import { transportArbitrary } from './transport.js'

/**
 * A ClientConfig for a client supporting `transports`: transport × URL × headers.
 *
 * @example
 * fc.sample(clientConfigArbitrary(['streamable-http']), 1)
 * // [{ transport: 'streamable-http', url: 'http://mcp.test/mcp', headers: { 'X-API-Key': 'k8…' } }]
 */
export function clientConfigArbitrary(transports: readonly Transport[]): fc.Arbitrary<ClientConfig> {
  return fc.record({ transport: transportArbitrary(transports), url: mcpUrlArbitrary(), headers: headersArbitrary() })
}
