import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js'
import { TRANSPORTS, type ClientConfig } from '../../core/client-config.js'
import type { ClientUnderTest } from '../client-under-test.js'
import { CLIENT_METADATA_URL, HeadlessOAuthProvider } from '../headless-oauth-provider.js'
import { runSdkSession, type SdkTransportOptions } from '../sdk-session.js'

/** A provider whose browser opens an edited authorization URL. */
class EditingProvider extends HeadlessOAuthProvider {
  constructor(
    config: { oauthClientId?: string },
    private readonly edit: (params: URLSearchParams) => void,
  ) {
    super(config)
  }
  protected override browse(url: URL): URL {
    const edited = new URL(url)
    this.edit(edited.searchParams)
    return edited
  }
}

function faulty(
  name: string,
  description: string,
  options: (config: ClientConfig) => Partial<SdkTransportOptions>,
): ClientUnderTest {
  return {
    name,
    description,
    transports: TRANSPORTS,
    run: (config, context) =>
      runSdkSession(config, context, {
        headers: config.headers,
        authProvider: new HeadlessOAuthProvider(config),
        ...options(config),
      }),
  }
}

/** A fetch that changes the request URL and/or the response before the SDK sees them. */
function rewriting(
  request: (url: URL, headers: Headers) => void,
  response?: (response: Response) => Response | Promise<Response>,
): FetchLike {
  return async (input, init) => {
    const url = new URL(String(input instanceof Request ? input.url : input))
    const headers = new Headers(init?.headers)
    request(url, headers)
    const answer = await fetch(url, { ...init, headers })
    return response ? response(answer) : answer
  }
}

/** The response with its JSON body edited (a Response keeps `url` only when it is the fetched one, so it is copied over). */
async function rewriteJson(
  response: Response,
  edit: (body: Record<string, unknown>) => Record<string, unknown>,
): Promise<Response> {
  const text = await response.text()
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers })
  }
  const headers = new Headers(response.headers)
  headers.delete('content-length')
  const init = { status: response.status, statusText: response.statusText, headers }
  const edited = new Response(JSON.stringify(edit(body as Record<string, unknown>)), init)
  Object.defineProperty(edited, 'url', { value: response.url })
  return edited
}

/** Opens the authorization URL with `code_challenge_method=plain`. Violates `pkce-s256`. */
export const pkcePlain = faulty(
  'faulty:pkce-plain',
  'SDK client whose authorization request uses PKCE method plain',
  (config) => ({
    authProvider: new EditingProvider(config, (p) => p.set('code_challenge_method', 'plain')),
  }),
)

/** Drops `resource` from the authorization request. Violates `resource-parameter` (claude-code#52871, typescript-sdk#1968). */
export const noResourceParameter = faulty(
  'faulty:no-resource-parameter',
  'SDK client that omits resource from the authorization request (claude-code#52871)',
  (config) => ({
    authProvider: new EditingProvider(config, (p) => p.delete('resource')),
  }),
)

/** Asks for a scope of its own. Violates `scope-selection`. */
export const ownScope = faulty(
  'faulty:own-scope',
  'SDK client that asks for scope "openid profile" whatever the server said',
  (config) => ({
    authProvider: new EditingProvider(config, (p) => p.set('scope', 'openid profile')),
  }),
)

/** Accepts a PRM naming any resource. Violates `resource-mismatch-rejected`. */
export const acceptsAnyResource = faulty(
  'faulty:accepts-any-resource',
  'SDK client whose provider accepts any PRM resource',
  (config) => {
    const provider = new HeadlessOAuthProvider(config) as HeadlessOAuthProvider & {
      validateResourceURL?: (server: URL, resource?: string) => Promise<URL | undefined>
    }
    provider.validateResourceURL = async (_server, resource) => (resource ? new URL(resource) : undefined)
    return { authProvider: provider }
  },
)

/** Sends the access token as `?access_token=` instead of the Authorization header. Violates `token-in-authorization-header`. */
export const tokenInQuery = faulty(
  'faulty:token-in-query',
  'SDK client that moves the bearer token into the query string',
  (config) => ({
    fetch: rewriting((url, headers) => {
      // Only the OAuth token moves: a configured static Authorization stays where the user put it.
      const configured = Object.entries(config.headers).find(([name]) => name.toLowerCase() === 'authorization')?.[1]
      const sent = headers.get('authorization') ?? ''
      const token = /^Bearer (.+)$/.exec(sent)?.[1]
      if (token && !(configured && sent.includes(configured)) && !url.pathname.includes('.well-known')) {
        url.searchParams.set('access_token', token)
        headers.delete('authorization')
      }
    }),
  }),
)

/** Copies its configured headers onto requests to every other origin. Violates `no-header-leak` (opencode#20286). */
export const headersToEveryOrigin = faulty(
  'faulty:headers-to-every-origin',
  'SDK client that sends its configured headers to every origin (opencode#20286)',
  (config) => ({
    fetch: rewriting((url, headers) => {
      if (url.origin !== new URL(config.url).origin)
        for (const [name, value] of Object.entries(config.headers)) headers.set(`x-copied-${name}`, value)
    }),
  }),
)

/** Never sees `resource_metadata` in a 401. Violates `resource-metadata-honored` (claude-code#14428, codex#5254). */
export const ignoresResourceMetadata = faulty(
  'faulty:ignores-resource-metadata',
  'SDK client that ignores resource_metadata in WWW-Authenticate (claude-code#14428)',
  () => ({
    fetch: rewriting(
      () => undefined,
      (response) => {
        const challenge = response.headers.get('www-authenticate')
        if (!challenge?.includes('resource_metadata')) return response
        const headers = new Headers(response.headers)
        // Drop the hint only: the scope and the rest of the challenge stay as the server sent them.
        const rest = challenge
          .replace(/resource_metadata="[^"]*",?/i, '')
          .replace(/,\s*$/, '')
          .replace(/\s+/g, ' ')
          .trim()
        headers.set('www-authenticate', rest)
        return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
      },
    ),
  }),
)

/** Asks only the root PRM well-known. Violates `prm-discovery-order` (python-sdk#1049). */
export const prmRootOnly = faulty(
  'faulty:prm-root-only',
  'SDK client that fetches PRM only at the root well-known (python-sdk#1049)',
  () => ({
    fetch: rewriting((url) => {
      if (url.pathname.startsWith('/.well-known/oauth-protected-resource/'))
        url.pathname = '/.well-known/oauth-protected-resource'
    }),
  }),
)

/** Drops the issuer path from AS metadata URLs. Violates `as-metadata-discovery-order` (typescript-sdk#545). */
export const asMetadataRootOnly = faulty(
  'faulty:as-metadata-root-only',
  'SDK client that drops the issuer path from AS metadata URLs (typescript-sdk#545)',
  () => ({
    fetch: rewriting((url) => {
      const match = /^\/\.well-known\/(oauth-authorization-server|openid-configuration)\/.+$/.exec(url.pathname)
      if (match) url.pathname = `/.well-known/${match[1]}`
    }),
  }),
)

/** Re-authorizes up to ten times when the server keeps refusing the token. Violates `bounded-auth-retries` (typescript-sdk PR #945). */
export const endlessReauthorization: ClientUnderTest = {
  name: 'faulty:endless-reauthorization',
  description:
    'SDK client that starts over with a fresh authorization, up to 10 times, whenever the session fails (typescript-sdk PR #945)',
  // Streamable HTTP only: over SSE the SDK itself already loops (expected-failures.json).
  transports: ['streamable-http'],
  async run(config, context) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await runSdkSession(config, context, { headers: config.headers, authProvider: new HeadlessOAuthProvider(config) })
      } catch (error) {
        if (attempt >= 10 || context.signal.aborted) throw error
      }
    }
  },
}

/**
 * Authorizes although the AS metadata leaves out `code_challenge_methods_supported`: the shipped
 * SDK's own behaviour (1.32 and 2.4 check the list only when present). Violates `pkce-support-checked`.
 */
export const ignoresPkceSupport = faulty(
  'faulty:ignores-pkce-support',
  'SDK client that authorizes when the AS metadata lacks code_challenge_methods_supported (the SDK as shipped)',
  () => ({}),
)

/** Forgets the pre-registered client id the user configured, so it registers anew. Violates `client-registration`. */
export const ignoresPreRegistration = faulty(
  'faulty:ignores-pre-registration',
  'SDK client that ignores the configured pre-registered client id and registers dynamically',
  () => ({ authProvider: new HeadlessOAuthProvider({}) }),
)

/** Registers at the AS origin's `/register` when the metadata advertises no registration endpoint. Violates `client-registration`. */
export const guessesRegistration = faulty(
  'faulty:guesses-registration',
  'SDK client that assumes {AS origin}/register when the metadata has no registration_endpoint',
  () => ({
    fetch: rewriting(
      () => undefined,
      (response) => {
        if (!/\/\.well-known\/(oauth-authorization-server|openid-configuration)/.test(new URL(response.url).pathname))
          return response
        return rewriteJson(response, (body) =>
          body.registration_endpoint || typeof body.issuer !== 'string'
            ? body
            : { ...body, registration_endpoint: `${new URL(body.issuer).origin}/register` },
        )
      },
    ),
  }),
)

/** Takes a 403 `insufficient_scope` as a plain failure (its challenge unseen). Violates `scope-step-up`. */
export const noStepUp = faulty('faulty:no-step-up', 'SDK client that does not step up on 403 insufficient_scope', () => ({
  fetch: rewriting(
    () => undefined,
    (response) => {
      if (response.status !== 403) return response
      const headers = new Headers(response.headers)
      headers.delete('www-authenticate')
      return new Response(response.body, { status: 403, statusText: response.statusText, headers })
    },
  ),
}))

/** Publishes its Client ID Metadata Document over plain http. Violates `client-registration` (the https MUST). */
export const httpClientMetadataUrl = faulty(
  'faulty:http-client-metadata-url',
  'SDK client whose Client ID Metadata Document URL is plain http',
  (config) => ({
    authProvider: new EditingProvider(config, (p) => {
      if (p.get('client_id') === CLIENT_METADATA_URL) p.set('client_id', CLIENT_METADATA_URL.replace('https:', 'http:'))
    }),
  }),
)

export const OAUTH_FAULTS: readonly ClientUnderTest[] = [
  httpClientMetadataUrl,
  ignoresPkceSupport,
  ignoresPreRegistration,
  guessesRegistration,
  noStepUp,
  pkcePlain,
  noResourceParameter,
  ownScope,
  acceptsAnyResource,
  tokenInQuery,
  headersToEveryOrigin,
  ignoresResourceMetadata,
  prmRootOnly,
  asMetadataRootOnly,
  endlessReauthorization,
]
