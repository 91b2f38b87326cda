import { createHash } from 'node:crypto'
import { http, HttpResponse, type HttpHandler } from 'msw/http'
import type { OAuthServer, Scenario } from '../core/scenario.js'
import type { KnownClient, OAuthState } from './oauth-state.js'
import { isMetadataDocumentUrl } from '../spec/client-id-metadata.js'
import { asMetadataUrls, prmWellKnownUrls, wellKnownVariants } from '../spec/well-known.js'
import { dpopMetadata, tokenRequestProof } from './dpop-server.js'
import { basicCredentials, identityProviderHandlers, machineGrantMetadata, machineTokenRequest } from './machine-grants.js'

/** The PRM URLs a scenario can serve: the hinted custom one, RFC 9728's path-inserted one, and the root one. */
export function prmUrls(scenario: Scenario): { custom: string; inserted: string; root: string } {
  // RFC 9728 §3.1 order: the path-inserted URL, then the root one (the same at the root).
  const urls = prmWellKnownUrls(`${scenario.origin}${scenario.endpointPath}`)
  return { custom: `${scenario.origin}/custom/prm.json`, inserted: urls[0]!, root: urls.at(-1)! }
}

/** The URL the 401 names in `resource_metadata`: the custom one when the PRM lives only there. */
export function hintedPrmUrl(scenario: Scenario, oauth: OAuthServer): string {
  const urls = prmUrls(scenario)
  return oauth.prm === 'hinted-custom' ? urls.custom : oauth.prm === 'root' ? urls.root : urls.inserted
}

export function issuerOf(oauth: OAuthServer): string {
  return `${oauth.asOrigin}${oauth.issuerPath}`
}

/** Where this AS serves its metadata: RFC 8414 path insertion, or OIDC path insertion for an issuer with a path. */
export function asMetadataUrl(oauth: OAuthServer): string {
  // The first location of each kind in the client's priority order: RFC 8414's, or OpenID's path-inserted one.
  const [oauthUrl, openidUrl] = asMetadataUrls(issuerOf(oauth))
  return oauth.asMetadata === 'oauth' ? oauthUrl! : openidUrl!
}

function exact(url: string) {
  return ({ request }: { request: Request }) => {
    const u = new URL(request.url)
    return `${u.origin}${u.pathname}` === url
  }
}

function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url')
}

/**
 * The scopes a strict authorization server (`scopePolicy: registered`) refuses in an authorization
 * request: those a dynamically registered client did not register. Any other server, or a client
 * not registered here dynamically (pre-registered, a metadata document), is granted what it asks.
 */
function unregisteredScopes(oauth: OAuthServer, client: KnownClient | undefined, requested: string | null): string[] {
  if (oauth.scopePolicy !== 'registered' || client?.scopes === undefined) return []
  return (requested ?? '').split(' ').filter((scope) => scope && !client.scopes!.includes(scope))
}

/** Whether this AS has a registration endpoint (RFC 7591). */
function registersDynamically(oauth: OAuthServer): boolean {
  return oauth.registration === 'dcr' || oauth.registration === 'dcr+cimd'
}

/** Whether this AS takes a Client ID Metadata Document URL as `client_id` (SEP-991). */
function acceptsMetadataDocuments(oauth: OAuthServer): boolean {
  return oauth.registration === 'cimd' || oauth.registration === 'dcr+cimd'
}

/** The client this AS accepts as `clientId`, if any: registered, pre-registered, or a metadata document URL. */
function knownClient(oauth: OAuthServer, state: OAuthState, clientId: string | null): KnownClient | undefined {
  if (clientId === null) return undefined
  const registered = state.clients.get(clientId)
  // A client another authorization server registered is unknown here (SEP-2352: credentials are per AS).
  if (registered) return registered.issuer === undefined || registered.issuer === issuerOf(oauth) ? registered : undefined
  if (clientId === oauth.preRegisteredClientId) return { authMethod: 'none' }
  if (acceptsMetadataDocuments(oauth) && isMetadataDocumentUrl(clientId)) return { authMethod: 'none' }
  return undefined
}

/**
 * The client a token request authenticates as, by the method it registered with: `client_id` alone
 * (`none`), HTTP Basic (`client_secret_basic`) or `client_secret` in the form (`client_secret_post`).
 */
function authenticatedClient(oauth: OAuthServer, state: OAuthState, request: Request, form: URLSearchParams): string | undefined {
  const basic = basicCredentials(request)
  if (basic) {
    const { id, secret } = basic
    const client = knownClient(oauth, state, id)
    return client?.authMethod === 'client_secret_basic' && client.secret === secret ? id : undefined
  }
  const id = form.get('client_id')
  const client = knownClient(oauth, state, id)
  if (!client || client.authMethod === 'client_secret_basic') return undefined
  if (client.authMethod === 'client_secret_post' && form.get('client_secret') !== client.secret) return undefined
  return id ?? undefined
}

function oauthError(error: string, status: number, description?: string): Response {
  return HttpResponse.json({ error, ...(description ? { error_description: description } : {}) }, { status })
}

/** `code_challenge_methods_supported` as the scenario advertises it (absent: the field is left out). */
function pkceMetadata(oauth: OAuthServer): Record<string, unknown> {
  // Deliberate deviations (`oauth.pkce`): metadata without `code_challenge_methods_supported`, or
  // with plain only; MCP 2025-11-25 then forbids the client to go on (`pkce-support-checked`).
  if (oauth.pkce === 'absent') return {}
  return { code_challenge_methods_supported: oauth.pkce === 'S256' ? ['S256'] : ['plain'] }
}

/** The `iss` an authorization response carries for this AS (RFC 9207 §2), or undefined when it leaves it out. */
function issParameter(oauth: OAuthServer): string | undefined {
  const issuer = issuerOf(oauth)
  // Deliberate deviations (`oauth.iss`): an iss the client must refuse before it redeems the code.
  switch (oauth.iss ?? 'none') {
    case 'correct':
      return issuer
    case 'wrong':
    case 'unadvertised-wrong':
      return 'https://mix-up.example'
    case 'trailing-slash':
      return `${issuer}/`
    default:
      return undefined
  }
}

/**
 * The `state` an authorization response carries: the request's, or (`oauth.callbackState`) another,
 * as on a callback an attacker injected; undefined when the request had none to echo.
 */
function callbackState(oauth: OAuthServer, requested: string | null): string | undefined {
  if (oauth.callbackState === 'altered') return `injected-${requested ?? 'state'}`
  return requested ?? undefined
}

/** RFC 9207 §3's metadata flag: the AS says its authorization responses carry `iss`. */
function advertisesIss(oauth: OAuthServer): boolean {
  return ['correct', 'missing', 'wrong', 'trailing-slash'].includes(oauth.iss ?? 'none')
}

/**
 * The OAuth side of a scenario as msw handlers: Protected Resource Metadata where the scenario puts
 * it, naming the authorization server (the new one once the resource migrated), and each
 * authorization server's handlers.
 */
export function oauthHandlers(scenario: Scenario, oauth: OAuthServer, state: OAuthState): HttpHandler[] {
  const urls = prmUrls(scenario)
  const mcpUrl = `${scenario.origin}${scenario.endpointPath}`
  const newAs = oauth.migratesTo ? migratedServer(oauth, oauth.migratesTo) : undefined
  const prmBody = () => ({
    // Deliberate deviation (`oauth.prmResource=foreign`): RFC 9728 §3.3 says the resource MUST be the
    // server's own; a client must then refuse the metadata (`resource-mismatch-rejected`).
    resource: oauth.prmResource === 'exact' ? mcpUrl : `https://elsewhere.example${scenario.endpointPath}`,
    authorization_servers: [issuerOf(newAs && state.migrated ? newAs : oauth)],
    scopes_supported: ['mcp:read', 'mcp:write'],
    bearer_methods_supported: ['header'],
  })
  const prmAt =
    oauth.prm === 'hinted-custom'
      ? urls.custom
      : oauth.prm === 'root'
        ? urls.root
        : oauth.prm === 'path-inserted'
          ? urls.inserted
          : undefined
  return [
    // Served under both readings of RFC 9728's terminating slash for an endpoint path ending in "/".
    ...(prmAt
      ? wellKnownVariants(prmAt, scenario.endpointPath).map((url) => http.get(exact(url), () => HttpResponse.json(prmBody())))
      : []),
    ...authorizationServerHandlers(oauth, state, mcpUrl),
    ...(newAs ? authorizationServerHandlers(newAs, state, mcpUrl) : []),
    ...(oauth.identityProvider ? identityProviderHandlers(oauth.identityProvider, state) : []),
  ]
}

/** The authorization server a resource migrates to: the same kind of server on its own origin, knowing no client in advance. */
function migratedServer(oauth: OAuthServer, origin: string): OAuthServer {
  const { preRegisteredClientId: _, migratesTo: __, ...rest } = oauth
  return { ...rest, asOrigin: origin }
}

/**
 * One authorization server as msw handlers: its metadata at the issuer's location, client
 * registration (dynamic, Client ID Metadata Documents or pre-registered only), `/authorize` (a 302
 * with `code`, `state` and, where the scenario says, RFC 9207's `iss`), and a token endpoint that
 * checks the client's authentication method, the PKCE verifier and `resource`.
 */
function authorizationServerHandlers(oauth: OAuthServer, state: OAuthState, resource: string): HttpHandler[] {
  const issuer = issuerOf(oauth)
  const tokenEndpoint = `${oauth.asOrigin}/token`
  const machine = machineGrantMetadata(oauth)
  const asBody = {
    // Deliberate deviation (`oauth.metadataIssuer=mismatch`): RFC 8414 §3.3 says the issuer MUST be
    // the one the URL was built from; a client must then not use the document.
    issuer: oauth.metadataIssuer === 'mismatch' ? 'https://issuer-mismatch.example' : issuer,
    authorization_endpoint: `${oauth.asOrigin}/authorize`,
    token_endpoint: `${oauth.asOrigin}/token`,
    ...(registersDynamically(oauth) ? { registration_endpoint: `${oauth.asOrigin}/register` } : {}),
    ...(acceptsMetadataDocuments(oauth) ? { client_id_metadata_document_supported: true } : {}),
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code', 'refresh_token', ...machine.grants],
    // A machine client's AS lists only the method that client was registered with, as a real one
    // would for it (the conformance suite's does the same): its secret is no good in the body.
    token_endpoint_auth_methods_supported: machine.authMethods.length > 0 ? machine.authMethods : [oauth.tokenAuth],
    ...machine.extra,
    ...dpopMetadata(oauth),
    scopes_supported: ['mcp:read', 'mcp:write'],
    ...pkceMetadata(oauth),
    ...(advertisesIss(oauth) ? { authorization_response_iss_parameter_supported: true } : {}),
    // OpenID Provider Metadata requires these three.
    ...(oauth.asMetadata === 'oidc'
      ? {
          jwks_uri: `${oauth.asOrigin}/jwks.json`,
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
        }
      : {}),
  }
  /** Tokens for a grant; bound to a DPoP key where the request had a proof, without a refresh token for a grant without a user. */
  const issueTokens = (scope: string, options: { jkt?: string | undefined; refresh?: boolean } = {}) => {
    const token = state.next('access')
    const refresh = options.refresh === false ? undefined : state.next('refresh')
    state.firstAccessToken ??= token
    state.tokens.set(token, scope)
    state.tokenIssuers.set(token, issuer)
    if (refresh) state.refreshTokens.set(refresh, scope)
    if (options.jkt) state.dpopBindings.set(token, options.jkt)
    return HttpResponse.json({
      access_token: token,
      // RFC 9449 §5: a DPoP-bound token's type is DPoP.
      token_type: options.jkt ? 'DPoP' : 'Bearer',
      expires_in: 3600,
      ...(refresh ? { refresh_token: refresh } : {}),
      ...(scope ? { scope } : {}),
    })
  }
  return [
    http.get(exact(asMetadataUrl(oauth)), () => HttpResponse.json(asBody)),
    ...(registersDynamically(oauth)
      ? [
          http.post(exact(`${oauth.asOrigin}/register`), async ({ request }) => {
            const metadata = (await request.json().catch(() => ({}))) as Record<string, unknown>
            const clientId = state.next('client')
            const secret = oauth.tokenAuth === 'none' ? undefined : state.next('secret')
            const scopes = typeof metadata.scope === 'string' ? metadata.scope.split(' ').filter(Boolean) : []
            state.clients.set(clientId, { issuer, authMethod: oauth.tokenAuth, scopes, ...(secret ? { secret } : {}) })
            return HttpResponse.json(
              {
                ...metadata,
                client_id: clientId,
                client_id_issued_at: 0,
                token_endpoint_auth_method: oauth.tokenAuth,
                ...(secret ? { client_secret: secret, client_secret_expires_at: 0 } : {}),
              },
              { status: 201 },
            )
          }),
        ]
      : []),
    http.get(exact(`${oauth.asOrigin}/authorize`), ({ request }) => {
      const params = new URL(request.url).searchParams
      const redirectUri = params.get('redirect_uri')
      if (!redirectUri || params.get('response_type') !== 'code') return oauthError('invalid_request', 400)
      const clientId = params.get('client_id')
      // An unknown client gets an error page, never a redirect (its redirect_uri is not trusted).
      if (!knownClient(oauth, state, clientId)) return oauthError('invalid_client', 400, 'unknown client_id')
      const refused = unregisteredScopes(oauth, state.clients.get(clientId!), params.get('scope'))
      if (refused.length > 0) {
        // RFC 6749 §4.1.2.1: the error goes back to the (known) client's redirect URI.
        const target = new URL(redirectUri)
        target.searchParams.set('error', 'invalid_scope')
        target.searchParams.set('error_description', `not registered: ${refused.join(' ')}`)
        const stateParam = params.get('state')
        if (stateParam !== null) target.searchParams.set('state', stateParam)
        return new HttpResponse(null, { status: 302, headers: { location: target.href } })
      }
      const code = state.next('code')
      state.codes.set(code, {
        issuer,
        clientId: clientId!,
        challenge: params.get('code_challenge') ?? '',
        method: params.get('code_challenge_method') ?? 'plain',
        redirectUri,
        resource: params.get('resource'),
        scope: params.get('scope') ?? '',
      })
      const target = new URL(redirectUri)
      target.searchParams.set('code', code)
      const stateParam = callbackState(oauth, params.get('state'))
      if (stateParam !== undefined) target.searchParams.set('state', stateParam)
      const iss = issParameter(oauth)
      if (iss !== undefined) target.searchParams.set('iss', iss)
      return new HttpResponse(null, { status: 302, headers: { location: target.href } })
    }),
    http.post(exact(tokenEndpoint), async ({ request }) => {
      const proof = tokenRequestProof(oauth, request, tokenEndpoint)
      if (proof instanceof Response) return proof
      const form = new URLSearchParams(await request.text())
      const issue = (scope: string, refresh = true) => issueTokens(scope, { jkt: proof.jkt, refresh })
      const machineAnswer = machineTokenRequest(oauth, state, request, form, { issuer, tokenEndpoint, resource }, (scope) =>
        issue(scope, false),
      )
      if (machineAnswer) return machineAnswer
      const clientId = authenticatedClient(oauth, state, request, form)
      if (!clientId) return oauthError('invalid_client', 401, `authenticate with ${oauth.tokenAuth}`)
      const grant = form.get('grant_type')
      if (grant === 'refresh_token') {
        const granted = state.refreshTokens.get(form.get('refresh_token') ?? '')
        if (granted === undefined || oauth.refresh === 'refused') return oauthError('invalid_grant', 400)
        // Rotation (OAuth 2.1 §4.3.1): a short-lived server's refresh tokens work once.
        if (oauth.tokenLifetime === 'short') state.refreshTokens.delete(form.get('refresh_token') ?? '')
        // RFC 6749 §6: a refresh may narrow the scope, never widen it (a step-up needs a new authorization).
        const asked = form.get('scope')?.split(' ').filter(Boolean)
        const grantedList = granted.split(' ')
        if (asked && asked.some((s) => !grantedList.includes(s)))
          return oauthError('invalid_scope', 400, `a refresh cannot add scope beyond "${granted}"`)
        return issue(asked ? asked.join(' ') : granted)
      }
      const code = form.get('code') ?? ''
      const issued = state.codes.get(code)
      const verifier = form.get('code_verifier') ?? ''
      const verified = issued && (issued.method === 'S256' ? s256(verifier) === issued.challenge : verifier === issued.challenge)
      if (grant !== 'authorization_code' || !verified || issued.clientId !== clientId || issued.issuer !== issuer)
        return oauthError('invalid_grant', 400)
      // RFC 8707: the token request names the resource the authorization request named.
      if (issued.resource !== null && form.get('resource') !== issued.resource)
        return oauthError('invalid_target', 400, `resource must be ${issued.resource}`)
      state.codes.delete(code)
      return issue(issued.scope)
    }),
  ]
}
