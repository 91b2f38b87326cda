// The v2 TypeScript SDK's OAuth provider for a config, as its docs show each one: the headless app
// for the authorization code grant, and for the grants without a user the SDK's own providers
// (client credentials with a secret or a private key JWT, Cross-App Access for enterprise-managed
// authorization). No SDK ships a workload identity provider; the SDK's `prepareTokenRequest` hook
// carries that grant, as the conformance suite's example client does. DPoP is the SDK's DpopSession.
import {
  ClientCredentialsProvider,
  CrossAppAccessProvider,
  DpopSession,
  PrivateKeyJwtProvider,
  requestJwtAuthorizationGrant,
  type OAuthClientProvider,
  type OAuthClientInformation,
  type OAuthClientMetadata,
  type OAuthTokens,
} from '@modelcontextprotocol/client'
import type { ClientConfig } from '../core/client-config.js'
import { grantCredentials } from '../credentials/grant-credentials.js'
import { JWT_BEARER_GRANT } from '../spec/oauth-grants.js'
import { HeadlessOAuthProvider } from './headless-oauth-provider.js'

/** A workload's provider (SEP-1933): its identity token as an RFC 7523 JWT bearer grant; no browser, no registration. */
class WorkloadIdentityProvider implements OAuthClientProvider {
  private saved: OAuthTokens | undefined
  constructor(
    private readonly clientId: string,
    private readonly assertion: string,
  ) {}
  get redirectUrl(): undefined {
    return undefined
  }
  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: 'mcp-auth-harness workload',
      redirect_uris: [],
      grant_types: [JWT_BEARER_GRANT],
      token_endpoint_auth_method: 'none',
    }
  }
  clientInformation(): OAuthClientInformation {
    return { client_id: this.clientId }
  }
  tokens(): OAuthTokens | undefined {
    return this.saved
  }
  saveTokens(tokens: OAuthTokens): void {
    this.saved = tokens
  }
  redirectToAuthorization(): void {
    throw new Error('a workload has no user to send to an authorization page')
  }
  saveCodeVerifier(): void {}
  codeVerifier(): string {
    throw new Error('a workload does not use the authorization code grant')
  }
  prepareTokenRequest(scope?: string): URLSearchParams {
    const params = new URLSearchParams({ grant_type: JWT_BEARER_GRANT, assertion: this.assertion })
    if (scope) params.set('scope', scope)
    return params
  }
}

/**
 * The provider an app built on the v2 SDK would give its transport for this config, with DPoP on
 * when the config asks for it (one DpopSession for the provider's life, as the SDK's docs say).
 * `fetch`: the app's fetch, for the requests the provider makes itself (the IdP's token exchange).
 *
 * @example
 * new StreamableHTTPClientTransport(url, { authProvider: sdk2AuthProvider(config) })
 */
export function sdk2AuthProvider(config: ClientConfig, fetch?: typeof globalThis.fetch): OAuthClientProvider {
  const provider = providerForGrant(config, fetch)
  if (!config.dpop) return provider
  let session: Promise<DpopSession> | undefined
  return Object.assign(provider, { dpop: () => (session ??= DpopSession.create()) })
}

function providerForGrant(config: ClientConfig, fetch: typeof globalThis.fetch | undefined): OAuthClientProvider {
  const credentials = grantCredentials(config)
  switch (credentials?.grant) {
    case undefined:
      // The v1 provider class has the v2 interface's shape: the same headless app, either SDK.
      return new HeadlessOAuthProvider(config) as unknown as OAuthClientProvider
    case 'client-credentials-basic':
      return new ClientCredentialsProvider({ clientId: credentials.clientId, clientSecret: credentials.clientSecret })
    case 'client-credentials-jwt':
      return new PrivateKeyJwtProvider({
        clientId: credentials.clientId,
        privateKey: credentials.privateKeyPem,
        algorithm: credentials.signingAlg,
      })
    case 'enterprise-managed':
      return new CrossAppAccessProvider({
        clientId: credentials.clientId,
        clientSecret: credentials.clientSecret,
        ...(fetch ? { fetchFn: fetch } : {}),
        assertion: async (context) =>
          (
            await requestJwtAuthorizationGrant({
              tokenEndpoint: credentials.idpTokenEndpoint,
              audience: context.authorizationServerUrl,
              resource: context.resourceUrl,
              idToken: credentials.idToken,
              clientId: credentials.idpClientId,
              ...(context.scope ? { scope: context.scope } : {}),
              fetchFn: context.fetchFn,
            })
          ).jwtAuthGrant,
      })
    case 'workload-identity':
      return new WorkloadIdentityProvider(credentials.clientId, credentials.assertion)
  }
}
