/** A client the authorization server knows: how it must authenticate at the token endpoint. */
export interface KnownClient {
  /** The authorization server that registered it (a client id is no good at another, SEP-2352). */
  issuer?: string
  authMethod: 'none' | 'client_secret_basic' | 'client_secret_post'
  secret?: string
  /** For a dynamically registered client, the scopes it registered (RFC 7591 §2 `scope`; [] when none). */
  scopes?: readonly string[]
}

/** What one trial's authorization server remembers: registered clients, codes, issued tokens and their scopes. */
export class OAuthState {
  readonly clients = new Map<string, KnownClient>()
  readonly codes = new Map<
    string,
    {
      issuer: string
      clientId: string
      challenge: string
      method: string
      redirectUri: string
      resource: string | null
      scope: string
    }
  >()
  /** Access token → the scope it was granted ('' when the client asked for none). */
  readonly tokens = new Map<string, string>()
  /** Access token → the issuer of the authorization server that issued it. */
  readonly tokenIssuers = new Map<string, string>()
  /** Refresh token → the scope of the grant it renews. */
  readonly refreshTokens = new Map<string, string>()
  /** The first access token issued (the one a revoking server revokes). */
  firstAccessToken: string | undefined
  /** The resource moved to its new authorization server (`migratesTo`): the PRM names that one now. */
  migrated = false
  /** Access token → the thumbprint of the DPoP key it is bound to (RFC 9449 §6). */
  readonly dpopBindings = new Map<string, string>()
  /** The ID-JAGs the enterprise identity provider issued (SEP-990), which the AS accepts as grants. */
  readonly idJags = new Set<string>()
  /** Access token → MCP requests it authorized so far (counted only where revocation needs it). */
  readonly uses = new Map<string, number>()
  private counter = 0

  next(prefix: string): string {
    this.counter += 1
    return `${prefix}-${this.counter}-${Math.random().toString(36).slice(2, 10)}`
  }
}
