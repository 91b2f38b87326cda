/** The two HTTP transports an MCP client can be configured with. */
export type Transport = 'streamable-http' | 'sse'

export const TRANSPORTS: readonly Transport[] = ['streamable-http', 'sse']

/**
 * What a user writes for one MCP server: transport, URL and headers (as written, case preserved).
 *
 * @example
 * const config: ClientConfig = {
 *   transport: 'streamable-http',
 *   url: 'http://mcp.test/mcp',
 *   headers: { 'X-API-Key': 'test-key-12345' },
 * }
 */
export interface ClientConfig {
  transport: Transport
  url: string
  headers: Record<string, string>
  /** A client id registered with the server's authorization server in advance (no registration needed). */
  oauthClientId?: string
}

/** The client id a config brings when the user pre-registered the client with the server's AS. */
export const PRE_REGISTERED_CLIENT_ID = 'pre-registered-client'
