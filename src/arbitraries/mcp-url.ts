import fc from 'fast-check'
import { composeMcpUrl, URL_HOSTS, URL_PATHS, URL_QUERIES, URL_SCHEMES } from '../config/mcp-url-parts.js'

/**
 * A configured MCP server URL: http or https, a fake host in mixed case, an optional port, a path
 * among root, `/`, `/mcp`, `/sse` and nested ones, an optional trailing slash and query string.
 * The hosts never resolve: trials are intercepted in process.
 *
 * @example
 * fc.sample(mcpUrlArbitrary(), 3) // ['http://mcp.test/mcp', 'https://API.mcp.test:8443/v1/mcp/?tenant=acme', …]
 */
export function mcpUrlArbitrary(): fc.Arbitrary<string> {
  return fc
    .record({
      scheme: fc.constantFrom(...URL_SCHEMES),
      host: fc.constantFrom(...URL_HOSTS),
      port: fc.option(fc.constantFrom(8001, 3000, 8443), { freq: 3 }),
      path: fc.constantFrom(...URL_PATHS),
      trailingSlash: fc.boolean(),
      query: fc.option(fc.constantFrom(...URL_QUERIES.filter((q) => q !== null)), { freq: 3 }),
    })
    .map((parts) => composeMcpUrl(parts))
}
