/** Paths an MCP URL is configured with; the first ones are what shrinking aims at. */
export const URL_PATHS = ['/mcp', '', '/', '/sse', '/v1/mcp', '/api/v2/mcp', '/tenants/acme/mcp', '/mcp/sse'] as const
export const URL_SCHEMES = ['http', 'https'] as const
/** Fake hosts (never resolved: trials are intercepted or moved to 127.0.0.1), one in mixed case. */
export const URL_HOSTS = ['mcp.test', 'api.mcp.test', 'MCP.Example.test', 'localhost'] as const
export const URL_PORTS = [null, 8001, 3000, 8443] as const
export const URL_QUERIES = [null, 'tenant=acme', 'v=2&region=eu'] as const

/** The parts a configured MCP URL is made of; `null` is "none". */
export interface McpUrlParts {
  scheme: (typeof URL_SCHEMES)[number]
  host: string
  port: number | null
  path: string
  trailingSlash: boolean
  query: string | null
}

/** The URL a user would write for these parts (a trailing slash only where the path has none). */
export function composeMcpUrl({ scheme, host, port, path, trailingSlash, query }: McpUrlParts): string {
  const slash = trailingSlash && path !== '' && !path.endsWith('/') ? '/' : ''
  return `${scheme}://${host}${port === null ? '' : `:${port}`}${path}${slash}${query === null ? '' : `?${query}`}`
}

/**
 * The parts of a URL as written (host case kept, unlike `new URL`), so a config's URL can be
 * changed one part at a time. Undefined for a URL of another shape.
 */
export function parseMcpUrl(url: string): McpUrlParts | undefined {
  const match = /^(https?):\/\/([^/:?#]+)(?::(\d+))?([^?#]*)(?:\?([^#]*))?$/.exec(url)
  if (!match) return undefined
  const rawPath = match[4]!
  const trailingSlash = rawPath.length > 1 && rawPath.endsWith('/')
  return {
    scheme: match[1] as McpUrlParts['scheme'],
    host: match[2]!,
    port: match[3] === undefined ? null : Number(match[3]),
    path: trailingSlash ? rawPath.slice(0, -1) : rawPath,
    trailingSlash,
    query: match[5] ?? null,
  }
}
