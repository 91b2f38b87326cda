import type fc from 'fast-check'
import { TRANSPORTS } from '../core/client-config.js'
import { clientConfigArbitrary } from './client-config.js'

/**
 * A configured MCP server URL, as the dimension table's URL parts draw it: http or https, a fake
 * host (one in mixed case), an optional port, a path among root, `/`, `/mcp`, `/sse` and nested
 * ones, an optional trailing slash and query string. The hosts never resolve: trials are
 * intercepted in process or moved to 127.0.0.1.
 *
 * @example
 * fc.sample(mcpUrlArbitrary(), 3) // ['http://mcp.test/mcp', 'https://api.mcp.test:8443/v1/mcp/?tenant=acme', …]
 */
export function mcpUrlArbitrary(): fc.Arbitrary<string> {
  return clientConfigArbitrary(TRANSPORTS).map((config) => config.url)
}
