import fc from 'fast-check'

/** Paths an MCP URL is configured with; the first ones are what shrinking aims at. */
const PATHS = ['/mcp', '', '/', '/sse', '/v1/mcp', '/api/v2/mcp', '/tenants/acme/mcp', '/mcp/sse'] as const

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
      scheme: fc.constantFrom('http', 'https'),
      host: fc.constantFrom('mcp.test', 'api.mcp.test', 'MCP.Example.test', 'localhost'),
      port: fc.option(fc.constantFrom(8001, 3000, 8443), { freq: 3 }),
      path: fc.constantFrom(...PATHS),
      trailingSlash: fc.boolean(),
      query: fc.option(fc.constantFrom('tenant=acme', 'v=2&region=eu'), { freq: 3 }),
    })
    .map(({ scheme, host, port, path, trailingSlash, query }) => {
      const slash = trailingSlash && path !== '' && !path.endsWith('/') ? '/' : ''
      return `${scheme}://${host}${port === null ? '' : `:${port}`}${path}${slash}${query === null ? '' : `?${query}`}`
    })
}
