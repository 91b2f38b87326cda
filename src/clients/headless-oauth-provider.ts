import type { OAuthClientProvider, OAuthDiscoveryState } from '@modelcontextprotocol/sdk/client/auth.js'
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js'

/** The headless app's Client ID Metadata Document URL (https with a path, as the spec requires). */
export const CLIENT_METADATA_URL = 'https://client.mcp-auth-harness.test/oauth/client-metadata.json'

/**
 * An OAuthClientProvider as a headless app would implement it, with no stored tokens and no client
 * unless the user pre-registered one.
 * Giving one to the SDK makes it start discovery on a 401, as OAuth-capable apps do. Its "browser"
 * requests the authorization URL (so it is in the traffic) without following the redirect, and
 * keeps the callback's parameters from the `Location` for the app to hand to `transport.finishAuth`:
 * the v2 SDK takes them all (it checks RFC 9207's `iss` among them), v1 takes only the `code`.
 */
export class HeadlessOAuthProvider implements OAuthClientProvider {
  readonly authorizationUrls: URL[] = []
  private pendingCallback: URLSearchParams | undefined
  private client: OAuthClientInformationMixed | undefined
  private savedTokens: OAuthTokens | undefined
  private verifier = ''

  /** A client the user pre-registered (`config.oauthClientId`) is known from the start, as apps load it from settings. */
  constructor(config: { oauthClientId?: string } = {}) {
    this.preRegistered = config.oauthClientId
  }

  private readonly preRegistered: string | undefined

  /** Where the app publishes its Client ID Metadata Document; used when the AS supports them. */
  get clientMetadataUrl(): string {
    return CLIENT_METADATA_URL
  }

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

  /** The v2 SDK asks per issuer and wants the answer stamped with it (SEP-2352); v1 asks without. */
  clientInformation(context?: { issuer?: string }): OAuthClientInformationMixed | undefined {
    if (this.client || this.preRegistered === undefined) return this.client
    return { client_id: this.preRegistered, ...(context?.issuer ? { issuer: context.issuer } : {}) }
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

  /** A fresh `state` for each authorization request (RFC 6749 §10.12): the SDKs ask the app for it and leave checking it to the app. */
  state(): string {
    return crypto.randomUUID()
  }

  async redirectToAuthorization(url: URL): Promise<void> {
    this.authorizationUrls.push(url)
    const response = await fetch(this.browse(url), { redirect: 'manual' })
    const location = response.headers.get('location')
    await response.body?.cancel()
    if (!location) return
    const callback = new URL(location, url).searchParams
    if (callback.has('code') && this.acceptsCallback(url, callback)) this.pendingCallback = callback
  }

  /**
   * Whether the app takes a callback: its `state` is the one the authorization request sent (a
   * callback with another is not this app's, e.g. one an attacker injected; its code is never
   * redeemed). Faulty providers skip the check.
   */
  protected acceptsCallback(request: URL, callback: URLSearchParams): boolean {
    const sent = request.searchParams.get('state')
    return sent === null || callback.get('state') === sent
  }

  /** The URL the browser really opens; faulty providers change it. */
  protected browse(url: URL): URL {
    return url
  }

  /** The parameters of the last authorization redirect to the callback (`code`, `state`, `iss`), once. */
  takeAuthorizationCallback(): URLSearchParams | undefined {
    const callback = this.pendingCallback
    this.pendingCallback = undefined
    return callback
  }

  /** The code from the last authorization redirect, once (for an SDK whose `finishAuth` takes only the code). */
  takeAuthorizationCode(): string | undefined {
    return this.takeAuthorizationCallback()?.get('code') ?? undefined
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

  /**
   * Forgets what the authorization server no longer accepts (the SDK calls it on `invalid_grant`,
   * `invalid_client`, …), so the next attempt starts over as the SDK's docs ask of a provider.
   * A client the user pre-registered stays known: it is configuration, not state.
   */
  invalidateCredentials(scope: 'all' | 'client' | 'tokens' | 'verifier' | 'discovery'): void {
    if (scope === 'all' || scope === 'client') this.client = undefined
    if (scope === 'all' || scope === 'tokens') this.savedTokens = undefined
    if (scope === 'all' || scope === 'verifier') this.verifier = ''
    if (scope === 'all' || scope === 'discovery') this.discovery = undefined
  }
}
