// The grants without a user on the mock authorization server, and the enterprise identity provider
// (the MCP authorization extensions): client credentials with a secret or a private key JWT
// (SEP-1046, RFC 6749 §4.4, RFC 7523 §2.2), the JWT bearer grant with an ID-JAG (SEP-990) or a
// workload identity token (SEP-1933, RFC 7523 §2.1), and RFC 8693 token exchange at the IdP.
import { http, HttpResponse, type HttpHandler } from 'msw/http'
import type { OAuthServer } from '../core/scenario.js'
import {
  ENTERPRISE_USER,
  IDP_CLIENT_ID,
  MACHINE_CLIENT_ID,
  MACHINE_CLIENT_SECRET,
  WORKLOAD_AUDIENCE,
} from '../credentials/grant-credentials.js'
import { signJwt, testKey } from '../credentials/test-keys.js'
import { audiencesOf, decodeJws, verifyJws, type DecodedJws } from '../spec/jws.js'
import {
  CLIENT_CREDENTIALS_GRANT,
  ID_JAG_TOKEN_TYPE,
  ID_JAG_TYP,
  ID_TOKEN_TYPE,
  JWT_BEARER_GRANT,
  JWT_CLIENT_ASSERTION,
  TOKEN_EXCHANGE_GRANT,
} from '../spec/oauth-grants.js'
import type { OAuthState } from './oauth-state.js'

function oauthError(error: string, status: number, description: string): Response {
  return HttpResponse.json({ error, error_description: description }, { status })
}

/** What the AS metadata adds for the configured machine grant: the grant type and how the client authenticates. */
export function machineGrantMetadata(oauth: OAuthServer): {
  grants: string[]
  authMethods: string[]
  extra: Record<string, unknown>
} {
  switch (oauth.machineGrant) {
    case 'client-credentials-basic':
      return { grants: [CLIENT_CREDENTIALS_GRANT], authMethods: ['client_secret_basic'], extra: {} }
    case 'client-credentials-jwt':
      return {
        grants: [CLIENT_CREDENTIALS_GRANT],
        authMethods: ['private_key_jwt'],
        extra: { token_endpoint_auth_signing_alg_values_supported: ['ES256'] },
      }
    case 'enterprise-managed':
      return { grants: [JWT_BEARER_GRANT], authMethods: ['client_secret_basic'], extra: {} }
    case 'workload-identity':
      return { grants: [JWT_BEARER_GRANT], authMethods: ['none'], extra: {} }
    default:
      return { grants: [], authMethods: [], extra: {} }
  }
}

/** The id and secret of an HTTP Basic client authentication, each form-urldecoded (RFC 6749 §2.3.1). */
export function basicCredentials(request: Request): { id: string; secret: string } | undefined {
  const basic = /^Basic (.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1]
  if (!basic) return undefined
  try {
    const decoded = atob(basic)
    const colon = decoded.indexOf(':')
    if (colon < 0) return undefined
    const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, ' '))
    return { id: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) }
  } catch {
    return undefined
  }
}

/** Whether a JWT's `aud` (a string or a list) names one of `accepted`. */
function audienceIncludes(jws: DecodedJws, accepted: readonly string[]): boolean {
  return audiencesOf(jws).some((a) => accepted.includes(a))
}

function unexpired(jws: DecodedJws): boolean {
  return typeof jws.payload.exp === 'number' && jws.payload.exp > Date.now() / 1000 - 30
}

/** Where a token request is judged: this AS's issuer, token endpoint and the MCP resource it protects. */
export interface TokenEndpointContext {
  issuer: string
  tokenEndpoint: string
  resource: string
}

/** Why the machine client's authentication fails, or undefined when it authenticated as configured. */
function machineAuthenticationProblem(
  oauth: OAuthServer,
  request: Request,
  form: URLSearchParams,
  at: TokenEndpointContext,
): string | undefined {
  if (oauth.machineGrant === 'workload-identity') return undefined
  if (oauth.machineGrant === 'client-credentials-jwt') {
    if (form.get('client_assertion_type') !== JWT_CLIENT_ASSERTION) return `client_assertion_type must be ${JWT_CLIENT_ASSERTION}`
    const jws = decodeJws(form.get('client_assertion') ?? '')
    if (!jws || !verifyJws(jws, testKey('machine-client').publicJwk))
      return 'client_assertion does not verify with the registered key'
    if (jws.payload.iss !== MACHINE_CLIENT_ID || jws.payload.sub !== MACHINE_CLIENT_ID)
      return 'client_assertion iss and sub must be the client id'
    if (!audienceIncludes(jws, [at.issuer, `${at.issuer}/`, at.tokenEndpoint]))
      return 'client_assertion aud must name this authorization server'
    if (!unexpired(jws)) return 'client_assertion has expired'
    return undefined
  }
  const basic = basicCredentials(request)
  if (!basic || basic.id !== MACHINE_CLIENT_ID || basic.secret !== MACHINE_CLIENT_SECRET)
    return 'authenticate with client_secret_basic'
  return undefined
}

/** Why a JWT bearer grant's assertion is refused, or undefined when it is good for this AS. */
function assertionProblem(
  oauth: OAuthServer,
  state: OAuthState,
  assertion: string,
  at: TokenEndpointContext,
): string | undefined {
  const jws = decodeJws(assertion)
  if (!jws) return 'the assertion is not a JWT'
  if (oauth.machineGrant === 'workload-identity') {
    if (!verifyJws(jws, testKey('workload-issuer').publicJwk)) return 'the assertion does not verify with the workload issuer key'
    if (!audienceIncludes(jws, [WORKLOAD_AUDIENCE])) return `the assertion's aud does not name this authorization server`
    return unexpired(jws) ? undefined : 'the assertion has expired'
  }
  if (!state.idJags.has(assertion) || !verifyJws(jws, testKey('identity-provider').publicJwk))
    return 'not an ID-JAG the identity provider issued'
  if (jws.header.typ !== ID_JAG_TYP) return `the ID-JAG's typ must be ${ID_JAG_TYP}`
  if (!audienceIncludes(jws, [at.issuer, `${at.issuer}/`])) return `the ID-JAG's aud must be this issuer (${at.issuer})`
  if (jws.payload.client_id !== MACHINE_CLIENT_ID) return 'the ID-JAG was issued for another client'
  if (jws.payload.resource !== at.resource) return `the ID-JAG's resource must be ${at.resource}`
  return unexpired(jws) ? undefined : 'the ID-JAG has expired'
}

/**
 * The answer to a token request for the configured machine grant (client credentials, or the JWT
 * bearer grant), or undefined for any other request (the authorization code flow goes on). Tokens
 * are issued without a refresh token (OAuth 2.1 §4.2.3, RFC 7523 §2.1); a `grantRefusal` server
 * refuses the grant once the client authenticated.
 */
export function machineTokenRequest(
  oauth: OAuthServer,
  state: OAuthState,
  request: Request,
  form: URLSearchParams,
  at: TokenEndpointContext,
  issue: (scope: string) => Response,
): Response | undefined {
  const grant = form.get('grant_type')
  const expected = machineGrantMetadata(oauth).grants[0]
  if (expected === undefined || (grant !== CLIENT_CREDENTIALS_GRANT && grant !== JWT_BEARER_GRANT)) return undefined
  if (grant !== expected)
    return oauthError('unsupported_grant_type', 400, `this authorization server takes ${expected} from this client`)
  const unauthenticated = machineAuthenticationProblem(oauth, request, form, at)
  if (unauthenticated) return oauthError('invalid_client', 401, unauthenticated)
  if (grant === JWT_BEARER_GRANT) {
    const assertion = form.get('assertion')
    if (!assertion) return oauthError('invalid_request', 400, 'the assertion parameter is missing')
    const problem = assertionProblem(oauth, state, assertion, at)
    if (problem) return oauthError('invalid_grant', 400, problem)
  }
  const refusal = oauth.grantRefusal ?? 'none'
  if (refusal !== 'none') return oauthError(refusal, 400, `the authorization server refuses this ${grant} request`)
  return issue(form.get('scope') ?? '')
}

/**
 * The enterprise identity provider (SEP-990): its metadata, and a token endpoint that exchanges
 * the user's ID token for an ID-JAG naming the audience and resource asked for (RFC 8693 §2.1).
 */
export function identityProviderHandlers(origin: string, state: OAuthState): HttpHandler[] {
  const metadata = { issuer: origin, token_endpoint: `${origin}/token`, grant_types_supported: [TOKEN_EXCHANGE_GRANT] }
  const at =
    (path: string) =>
    ({ request }: { request: Request }) => {
      const url = new URL(request.url)
      return `${url.origin}${url.pathname}` === `${origin}${path}`
    }
  return [
    http.get(at('/.well-known/openid-configuration'), () => HttpResponse.json(metadata)),
    http.get(at('/.well-known/oauth-authorization-server'), () => HttpResponse.json(metadata)),
    http.post(at('/token'), async ({ request }) => {
      const form = new URLSearchParams(await request.text())
      if (form.get('grant_type') !== TOKEN_EXCHANGE_GRANT)
        return oauthError('unsupported_grant_type', 400, `use ${TOKEN_EXCHANGE_GRANT}`)
      if (form.get('requested_token_type') !== ID_JAG_TOKEN_TYPE)
        return oauthError('invalid_request', 400, `requested_token_type must be ${ID_JAG_TOKEN_TYPE}`)
      if (form.get('subject_token_type') !== ID_TOKEN_TYPE)
        return oauthError('invalid_request', 400, `subject_token_type must be ${ID_TOKEN_TYPE}`)
      const audience = form.get('audience')
      const resource = form.get('resource')
      if (!audience || !resource) return oauthError('invalid_request', 400, 'audience and resource are required')
      const idToken = decodeJws(form.get('subject_token') ?? '')
      const valid =
        idToken &&
        verifyJws(idToken, testKey('identity-provider').publicJwk) &&
        idToken.payload.iss === origin &&
        audienceIncludes(idToken, [IDP_CLIENT_ID]) &&
        unexpired(idToken)
      if (!valid) return oauthError('invalid_grant', 400, 'subject_token is not an ID token this identity provider issued')
      const now = Math.floor(Date.now() / 1000)
      const idJag = signJwt(
        testKey('identity-provider'),
        {
          iss: origin,
          sub: ENTERPRISE_USER,
          aud: audience,
          resource,
          client_id: MACHINE_CLIENT_ID,
          iat: now,
          exp: now + 300,
          jti: crypto.randomUUID(),
        },
        { typ: ID_JAG_TYP },
      )
      state.idJags.add(idJag)
      return HttpResponse.json({ access_token: idJag, issued_token_type: ID_JAG_TOKEN_TYPE, token_type: 'N_A', expires_in: 300 })
    }),
  ]
}
