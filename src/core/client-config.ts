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
  /**
   * A grant without a user at a browser, from the MCP authorization extensions: client credentials
   * with a secret or a private key (SEP-1046), an enterprise IdP's ID token to exchange (SEP-990), or
   * a workload identity token (SEP-1933). Absent: the authorization code grant. The credentials
   * themselves are the harness's test ones (`grantCredentials`), never part of a saved input.
   */
  grant?: ConfiguredGrant
  /** Where the enterprise identity provider answers (`enterprise-managed`): its origin. */
  identityProvider?: string
  /**
   * The grant's credentials, when they are not the harness's test ones: a library user's own, or
   * what the conformance suite hands its clients. Never generated, never saved in an input.
   */
  credentials?: GrantCredentials
  /** The user turned on DPoP-bound tokens (RFC 9449, SEP-1932) where the authorization server offers them. */
  dpop?: boolean
  /**
   * How long the client keeps the session open after its calls, its GET stream open, before it
   * ends the session, in ms: agents and IDEs hold sessions for minutes, and a fault that shows only
   * over time (a refresh loop on a refused stream) needs it. Absent: it ends at once.
   */
  keepOpenMs?: number
}

/** The grants a config can name besides the authorization code (see `ClientConfig.grant`). */
export const CONFIGURED_GRANTS = [
  'client-credentials-basic',
  'client-credentials-jwt',
  'enterprise-managed',
  'workload-identity',
] as const
export type ConfiguredGrant = (typeof CONFIGURED_GRANTS)[number]

/** The client id a config brings when the user pre-registered the client with the server's AS. */
export const PRE_REGISTERED_CLIENT_ID = 'pre-registered-client'

/** The credentials of one grant without a user, as a user's settings would hold them. */
export type GrantCredentials =
  | { grant: 'client-credentials-basic'; clientId: string; clientSecret: string }
  | { grant: 'client-credentials-jwt'; clientId: string; privateKeyPem: string; signingAlg: string }
  | {
      grant: 'enterprise-managed'
      clientId: string
      clientSecret: string
      idpTokenEndpoint: string
      idpClientId: string
      /** The user's OpenID Connect ID token from the IdP (aud: the IdP client id). */
      idToken: string
    }
  | { grant: 'workload-identity'; clientId: string; /** The workload's identity JWT, to send unchanged. */ assertion: string }
