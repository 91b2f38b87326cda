import type { OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js'
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js'

/**
 * An OAuthClientProvider as a headless app would implement it, with no stored client or tokens.
 * Giving one to the SDK makes it start discovery on a 401, as OAuth-capable apps do. It records the
 * authorization URL instead of opening a browser, so the SDK's flow ends there with UnauthorizedError.
 */
export class HeadlessOAuthProvider implements OAuthClientProvider {
  readonly authorizationUrls: URL[] = []
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

  redirectToAuthorization(url: URL): void {
    this.authorizationUrls.push(url)
  }

  saveCodeVerifier(verifier: string): void {
    this.verifier = verifier
  }

  codeVerifier(): string {
    return this.verifier
  }
}
