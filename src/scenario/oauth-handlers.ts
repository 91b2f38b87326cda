import { createHash } from 'node:crypto'
import { http, HttpResponse, type HttpHandler } from 'msw/http'
import type { OAuthServer, Scenario } from './scenario.js'
import type { OAuthState } from './oauth-state.js'

/** The PRM URLs a scenario can serve: the hinted custom one, RFC 9728's path-inserted one, and the root one. */
export function prmUrls(scenario: Scenario): { custom: string; inserted: string; root: string } {
  const path = scenario.endpointPath === '/' ? '' : scenario.endpointPath.replace(/\/$/, '')
  return {
    custom: `${scenario.origin}/custom/prm.json`,
    inserted: `${scenario.origin}/.well-known/oauth-protected-resource${path}`,
    root: `${scenario.origin}/.well-known/oauth-protected-resource`,
  }
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
  const suffix = oauth.asMetadata === 'oauth' ? 'oauth-authorization-server' : 'openid-configuration'
  return `${oauth.asOrigin}/.well-known/${suffix}${oauth.issuerPath}`
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
 * The OAuth side of a scenario as msw handlers: Protected Resource Metadata where the scenario puts
 * it, AS metadata at the issuer's location, dynamic client registration, `/authorize` (a 302 with
 * `code` and `state`), and a token endpoint that checks the PKCE verifier.
 */
export function oauthHandlers(scenario: Scenario, oauth: OAuthServer, state: OAuthState): HttpHandler[] {
  const urls = prmUrls(scenario)
  const issuer = issuerOf(oauth)
  const mcpUrl = `${scenario.origin}${scenario.endpointPath}`
  const prmBody = {
    resource: oauth.prmResource === 'exact' ? mcpUrl : `https://elsewhere.example${scenario.endpointPath}`,
    authorization_servers: [issuer],
    scopes_supported: ['mcp:read', 'mcp:write'],
    bearer_methods_supported: ['header'],
  }
  const prmAt =
    oauth.prm === 'hinted-custom'
      ? urls.custom
      : oauth.prm === 'root'
        ? urls.root
        : oauth.prm === 'path-inserted'
          ? urls.inserted
          : undefined
  const asBody = {
    issuer,
    authorization_endpoint: `${oauth.asOrigin}/authorize`,
    token_endpoint: `${oauth.asOrigin}/token`,
    registration_endpoint: `${oauth.asOrigin}/register`,
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    token_endpoint_auth_methods_supported: ['none'],
    scopes_supported: ['mcp:read', 'mcp:write'],
    ...(oauth.pkce === 'S256' ? { code_challenge_methods_supported: ['S256'] } : {}),
  }
  return [
    ...(prmAt ? [http.get(exact(prmAt), () => HttpResponse.json(prmBody))] : []),
    http.get(exact(asMetadataUrl(oauth)), () => HttpResponse.json(asBody)),
    http.post(exact(`${oauth.asOrigin}/register`), async ({ request }) => {
      const metadata = (await request.json().catch(() => ({}))) as Record<string, unknown>
      const clientId = state.next('client')
      state.clients.add(clientId)
      return HttpResponse.json({ ...metadata, client_id: clientId, client_id_issued_at: 0 }, { status: 201 })
    }),
    http.get(exact(`${oauth.asOrigin}/authorize`), ({ request }) => {
      const params = new URL(request.url).searchParams
      const redirectUri = params.get('redirect_uri')
      if (!redirectUri || params.get('response_type') !== 'code')
        return HttpResponse.json({ error: 'invalid_request' }, { status: 400 })
      const code = state.next('code')
      state.codes.set(code, {
        challenge: params.get('code_challenge') ?? '',
        method: params.get('code_challenge_method') ?? 'plain',
        redirectUri,
        resource: params.get('resource'),
      })
      const target = new URL(redirectUri)
      target.searchParams.set('code', code)
      const stateParam = params.get('state')
      if (stateParam !== null) target.searchParams.set('state', stateParam)
      return new HttpResponse(null, { status: 302, headers: { location: target.href } })
    }),
    http.post(exact(`${oauth.asOrigin}/token`), async ({ request }) => {
      const form = new URLSearchParams(await request.text())
      const grant = form.get('grant_type')
      if (grant === 'refresh_token') {
        const token = state.next('access')
        state.tokens.add(token)
        return HttpResponse.json({ access_token: token, token_type: 'Bearer', expires_in: 3600 })
      }
      const issued = state.codes.get(form.get('code') ?? '')
      const verifier = form.get('code_verifier') ?? ''
      const verified = issued && (issued.method === 'S256' ? s256(verifier) === issued.challenge : verifier === issued.challenge)
      if (grant !== 'authorization_code' || !verified) return HttpResponse.json({ error: 'invalid_grant' }, { status: 400 })
      state.codes.delete(form.get('code')!)
      const token = state.next('access')
      state.tokens.add(token)
      return HttpResponse.json({
        access_token: token,
        token_type: 'Bearer',
        expires_in: 3600,
        refresh_token: state.next('refresh'),
      })
    }),
  ]
}
