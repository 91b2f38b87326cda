import type { OAuthClientProvider, OAuthDiscoveryState } from '@modelcontextprotocol/sdk/client/auth.js'
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js'

/**
 * An OAuthClientProvider as a headless app would implement it, with no stored client or tokens.
 * Giving one to the SDK makes it start discovery on a 401, as OAuth-capable apps do. Its "browser"
 * requests the authorization URL (so it is in the traffic) without following the redirect, and
 * keeps the `code` from the `Location` for the app to hand to `transport.finishAuth`.
 */
export class HeadlessOAuthProvider implements OAuthClientProvider {
  readonly authorizationUrls: URL[] = []
  private pendingCode: string | undefined
  private client: OAuthClientInformationMixed | undefined
  private savedTokens: OAuthTokens | undefined
  private verifier = ''

  get redirectUrl(): string {
    return 'http://127.0.0.1:33418/callback'
  }

  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: 'mcp-auth-harness headless client',
      redirect_uris: [this.redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    }
  }

  clientInformation(): OAuthClientInformationMixed | undefined {
    return this.client
  }

  saveClientInformation(info: OAuthClientInformationMixed): void {
    this.client = info
  }

  tokens(): OAuthTokens | undefined {
    return this.savedTokens
  }

  saveTokens(tokens: OAuthTokens): void {
    this.savedTokens = tokens
  }

  async redirectToAuthorization(url: URL): Promise<void> {
    this.authorizationUrls.push(url)
    const response = await fetch(this.browse(url), { redirect: 'manual' })
    const location = response.headers.get('location')
    await response.body?.cancel()
    if (!location) return
    const code = new URL(location, url).searchParams.get('code')
    if (code) this.pendingCode = code
  }

  /** The URL the browser really opens; faulty providers change it. */
  protected browse(url: URL): URL {
    return url
  }

  /** The code from the last authorization redirect, once. */
  takeAuthorizationCode(): string | undefined {
    const code = this.pendingCode
    this.pendingCode = undefined
    return code
  }

  saveCodeVerifier(verifier: string): void {
    this.verifier = verifier
  }

  codeVerifier(): string {
    return this.verifier
  }

  private discovery: OAuthDiscoveryState | undefined

  /** Kept in memory like the code verifier (the v2 SDK checks the authorization server across the redirect). */
  saveDiscoveryState(state: OAuthDiscoveryState): void {
    this.discovery = state
  }

  discoveryState(): OAuthDiscoveryState | undefined {
    return this.discovery
  }
}
