import type { AuthPlan, OAuthPlan, TrialInput } from '../core/trial-input.js'
import { CHALLENGES, DPOP_MODES, GRANT_REFUSALS, TOKEN_REFUSALS, type DpopMode, type Guard } from '../core/scenario.js'
import { CONFIGURED_GRANTS } from '../core/client-config.js'
import fc from 'fast-check'
import { weighted, type Dimension, type DimensionValue } from './dimension.js'

type StaticPlan = Extract<AuthPlan, { kind: 'static-header' }>

/** A static-header server at its simplest: it wants the first configured header, as configured. */
export const BASE_STATIC_PLAN: StaticPlan = {
  kind: 'static-header',
  credential: 'configured',
  pick: 0,
  challenge: CHALLENGES[0]!,
}

/**
 * An OAuth server where everything works: the common case every OAuth dimension departs from. Its
 * 401 names a scope (`mcp:read`, less than the metadata lists), so a step-up scope on `tools/call`
 * really needs a step-up.
 */
export const BASE_OAUTH_PLAN: OAuthPlan = {
  challenge: 'resource-metadata',
  prm: 'path-inserted',
  prmResource: 'exact',
  asOrigin: 'other',
  issuerPath: '',
  asMetadata: 'oauth',
  pkce: 'S256',
  registration: 'dcr',
  tokenAuth: 'none',
  challengeScope: 'mcp:read',
  tokenAccepted: true,
  tokenRevoked: false,
  refresh: 'accepted',
  tokenLifetime: 'long',
  iss: 'none',
  metadataIssuer: 'exact',
  callbackState: 'echoed',
  migration: 'none',
  tokenRefusal: 'none',
  scopePolicy: 'any',
  stepUpChallenge: 'every-needed',
  grantRefusal: 'none',
  dpop: 'off',
}

function withAuth(input: TrialInput, auth: AuthPlan): TrialInput {
  return { ...input, plan: { ...input.plan, auth } }
}

/** A field of the static-header plan. */
function staticField<K extends 'credential' | 'challenge'>(
  key: K,
  description: string,
  values: readonly StaticPlan[K][],
): Dimension {
  return {
    name: `static.${key}`,
    part: 'server',
    description,
    values,
    base: BASE_STATIC_PLAN[key],
    appliesWhen: { dimension: 'auth', values: ['static-header'] },
    get: (input) => (input.plan.auth.kind === 'static-header' ? input.plan.auth[key] : undefined),
    set: (input, value) =>
      input.plan.auth.kind === 'static-header' ? withAuth(input, { ...input.plan.auth, [key]: value }) : input,
  }
}

/** The OAuth plan's optional fields: absent is the value "none". */
const OPTIONAL_OAUTH_FIELDS: ReadonlyArray<keyof OAuthPlan> = ['stepUpScope', 'challengeScope']

/** A field of the OAuth plan; an optional one (a scope) is its string or "none", so every value has a name. */
function oauthField<K extends keyof OAuthPlan>(key: K, description: string, values: readonly DimensionValue[]): Dimension {
  const optional = OPTIONAL_OAUTH_FIELDS.includes(key)
  // A field an older saved input lacks reads as its default (the base).
  const toValue = (field: OAuthPlan[K]): DimensionValue =>
    field === undefined ? (optional ? 'none' : (BASE_OAUTH_PLAN[key] as DimensionValue)) : (field as DimensionValue)
  return {
    name: `oauth.${key}`,
    part: 'server',
    description,
    values,
    base: toValue(BASE_OAUTH_PLAN[key]),
    appliesWhen: { dimension: 'auth', values: ['oauth'] },
    get: (input) => (input.plan.auth.kind === 'oauth' ? toValue(input.plan.auth.oauth[key]) : undefined),
    set: (input, value) => {
      if (input.plan.auth.kind !== 'oauth') return input
      const { [key]: _, ...oauth } = input.plan.auth.oauth
      const field = optional && value === 'none' ? {} : { [key]: value }
      return withAuth(input, { kind: 'oauth', oauth: { ...oauth, ...field } as OAuthPlan })
    },
  }
}

/**
 * DPoP (RFC 9449, SEP-1932): the AS binds tokens to the client's proof key and the resource server
 * wants the `DPoP` scheme with a proof, optionally with server nonces at both. A user turns DPoP on
 * for such a server, so a value other than `off` also sets the config's `dpop` (only clients that
 * can be told to use DPoP meet it: `dimensionsFor`).
 */
const DPOP_DIMENSION: Dimension = weighted(
  {
    ...oauthField(
      'dpop',
      'DPoP-bound tokens: off, bound to the proof key, or bound with use_dpop_nonce at the AS and the server',
      DPOP_MODES,
    ),
    set: (input, value) => {
      if (input.plan.auth.kind !== 'oauth') return input
      const { dpop: _, ...config } = input.config
      const oauth = { ...input.plan.auth.oauth, dpop: value as DpopMode }
      return {
        config: value === 'off' ? config : { ...config, dpop: true },
        plan: { ...input.plan, auth: { kind: 'oauth', oauth } },
      }
    },
  },
  { off: 6 },
)

/** What the server requires, and for each kind of requirement how it behaves. */
export const AUTH_DIMENSIONS: readonly Dimension[] = [
  weighted(
    {
      name: 'auth',
      part: 'server',
      description: 'what the server requires: nothing, a static header, or OAuth',
      values: ['none', 'static-header', 'oauth'],
      base: 'none',
      get: (input) => input.plan.auth.kind,
      set: (input, value) => {
        if (input.plan.auth.kind === value) return input
        if (value === 'static-header') return withAuth(input, { ...BASE_STATIC_PLAN })
        if (value === 'oauth') return withAuth(input, { kind: 'oauth', oauth: { ...BASE_OAUTH_PLAN } })
        return withAuth(input, { kind: 'none' })
      },
    },
    { none: 1, 'static-header': 3, oauth: 2 },
  ),
  weighted(
    {
      name: 'guard',
      part: 'server',
      description: 'which requests the auth guards: every one, all but the GET stream, only the GET stream, only tools/call',
      values: ['every-request', 'not-get-stream', 'get-stream-only', 'tools-call-only'],
      base: 'every-request',
      appliesWhen: { dimension: 'auth', values: ['static-header', 'oauth'] },
      get: (input) => input.plan.guard ?? 'every-request',
      set: (input, value) => ({ ...input, plan: { ...input.plan, guard: value as Guard } }),
    },
    { 'every-request': 12 },
  ),
  {
    ...staticField(
      'credential',
      'the header it wants, relative to the config: as configured, another value, or one not configured',
      ['configured', 'wrong-value', 'unconfigured'],
    ),
    // Which configured header it wants (`pick`) is drawn with it: any of the first five.
    random: fc
      .tuple(
        fc.oneof(
          { withCrossShrink: true },
          { weight: 6, arbitrary: fc.constant('configured' as const) },
          { weight: 1, arbitrary: fc.constantFrom('wrong-value' as const, 'unconfigured' as const) },
        ),
        fc.nat({ max: 4 }),
      )
      .map(
        ([credential, pick]) =>
          (input: TrialInput) =>
            input.plan.auth.kind === 'static-header' ? withAuth(input, { ...input.plan.auth, credential, pick }) : input,
      ),
  },
  staticField(
    'challenge',
    'how it answers without the credential: 401 with or without a Bearer challenge, a non-Bearer scheme, 403',
    CHALLENGES,
  ),
  oauthField('challenge', "the 401's WWW-Authenticate: Bearer resource_metadata=…, bare Bearer, or none", [
    'resource-metadata',
    'bare',
    'none',
  ]),
  oauthField('prm', 'where the Protected Resource Metadata is: path-inserted, only at the hinted URL, root, nowhere', [
    'path-inserted',
    'hinted-custom',
    'root',
    'nowhere',
  ]),
  weighted(
    oauthField('prmResource', "the PRM's resource: the server's URL, or another (the client must refuse)", ['exact', 'mismatch']),
    { exact: 5 },
  ),
  oauthField('asOrigin', 'the authorization server on another origin or the same', ['other', 'same']),
  oauthField('issuerPath', 'the issuer has no path or a tenant path', ['', '/tenant1']),
  oauthField('asMetadata', 'RFC 8414 OAuth metadata or OpenID Connect discovery', ['oauth', 'oidc']),
  weighted(
    oauthField('pkce', 'code_challenge_methods_supported: S256, plain only, or absent (the client must refuse)', [
      'S256',
      'plain-only',
      'absent',
    ]),
    { S256: 6 },
  ),
  weighted(
    oauthField(
      'registration',
      'how clients get an id: dynamic registration, a metadata document URL, both advertised (the 2026-07-28 default), pre-registration only',
      ['dcr', 'cimd', 'dcr+cimd', 'pre-registered'],
    ),
    { dcr: 4 },
  ),
  weighted(
    oauthField('tokenAuth', 'how the token endpoint authenticates the client', [
      'none',
      'client_secret_basic',
      'client_secret_post',
    ]),
    { none: 4 },
  ),
  weighted(
    oauthField('stepUpScope', 'a scope tools/call needs beyond the token (403 insufficient_scope)', ['none', 'mcp:write']),
    { none: 2 },
  ),
  weighted(oauthField('challengeScope', 'the scope the 401 names', ['none', 'mcp:read']), { 'mcp:read': 2 }),
  weighted(
    oauthField('tokenAccepted', 'the server accepts the token its AS issued (false: a broken resource server)', [true, false]),
    { true: 6 },
  ),
  weighted(oauthField('tokenRevoked', 'the first access token is revoked after 3 requests (401 invalid_token)', [false, true]), {
    false: 4,
  }),
  weighted(
    oauthField('refresh', 'the token endpoint honours refresh tokens or refuses them (invalid_grant)', ['accepted', 'refused']),
    { accepted: 4 },
  ),
  weighted(
    oauthField(
      'tokenLifetime',
      'access tokens last the session, or a few requests each with single-use (rotated) refresh tokens',
      ['long', 'short'],
    ),
    { long: 4 },
  ),
  weighted(
    oauthField(
      'iss',
      'RFC 9207 iss in the authorization response: none, correct, or one to refuse (advertised but missing, wrong, wrong unadvertised, trailing slash)',
      ['none', 'correct', 'missing', 'wrong', 'unadvertised-wrong', 'trailing-slash'],
    ),
    { none: 4, correct: 2 },
  ),
  weighted(
    oauthField(
      'metadataIssuer',
      "the AS metadata's issuer: the one its URL was built from, or another (the client must not use it)",
      ['exact', 'mismatch'],
    ),
    { exact: 6 },
  ),
  weighted(
    oauthField(
      'callbackState',
      "the authorization response's state: the request's, or another (an injected callback: the client must not redeem its code)",
      ['echoed', 'altered'],
    ),
    { echoed: 6 },
  ),
  weighted(
    oauthField('migration', 'the resource moves to a new authorization server once the first token is refused', [
      'none',
      'mid-session',
    ]),
    { none: 4 },
  ),
  weighted(
    oauthField(
      'tokenRefusal',
      'one kind of request (GET stream, DELETE, tools/call) refused even with a good token: 401 invalid_token or 403 insufficient_scope',
      TOKEN_REFUSALS,
    ),
    { none: 12 },
  ),
  weighted(
    oauthField(
      'scopePolicy',
      'the AS grants any scope asked for, or only the scopes a client registered (invalid_scope otherwise)',
      ['any', 'registered'],
    ),
    { any: 4 },
  ),
  weighted(
    {
      ...oauthField(
        'stepUpChallenge',
        'what a step-up 403 names: every scope the call needs, or only the one the token lacks (a client must keep what it asked before: 2026-07-28)',
        ['every-needed', 'missing-only'],
      ),
      // Only a step-up server has a challenge to word: no pairs are spent on the others.
      appliesWhen: { dimension: 'oauth.stepUpScope', values: ['mcp:write'] },
    },
    { 'every-needed': 3 },
  ),
  weighted(
    {
      ...oauthField(
        'grantRefusal',
        'the AS refuses a grant without a user (client credentials, JWT bearer): invalid_grant, invalid_scope, unauthorized_client',
        GRANT_REFUSALS,
      ),
      appliesWhen: { dimension: 'grant', values: CONFIGURED_GRANTS },
    },
    { none: 6 },
  ),
  DPOP_DIMENSION,
]
