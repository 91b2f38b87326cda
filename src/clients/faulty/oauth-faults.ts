import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js'
import { TRANSPORTS } from '../../config/client-config.js'
import type { ClientUnderTest } from '../client-under-test.js'
import { HeadlessOAuthProvider } from '../headless-oauth-provider.js'
import { runSdkSession, type SdkTransportOptions } from '../sdk-session.js'

/** A provider whose browser opens an edited authorization URL. */
class EditingProvider extends HeadlessOAuthProvider {
  constructor(private readonly edit: (params: URLSearchParams) => void) {
    super()
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
  options: (config: { url: string; headers: Record<string, string> }) => Partial<SdkTransportOptions>,
): ClientUnderTest {
  return {
    name,
    description,
    transports: TRANSPORTS,
    run: (config, context) =>
      runSdkSession(config, context, { headers: config.headers, authProvider: new HeadlessOAuthProvider(), ...options(config) }),
  }
}

/** A fetch that changes the request URL and/or the response before the SDK sees them. */
function rewriting(request: (url: URL, headers: Headers) => void, response?: (response: Response) => Response): FetchLike {
  return async (input, init) => {
    const url = new URL(String(input instanceof Request ? input.url : input))
    const headers = new Headers(init?.headers)
    request(url, headers)
    const answer = await fetch(url, { ...init, headers })
    return response ? response(answer) : answer
  }
}

/** Opens the authorization URL with `code_challenge_method=plain`. Violates `pkce-s256`. */
export const pkcePlain = faulty('faulty:pkce-plain', 'SDK client whose authorization request uses PKCE method plain', () => ({
  authProvider: new EditingProvider((p) => p.set('code_challenge_method', 'plain')),
}))

/** Drops `resource` from the authorization request. Violates `resource-parameter` (claude-code#52871, typescript-sdk#1968). */
export const noResourceParameter = faulty(
  'faulty:no-resource-parameter',
  'SDK client that omits resource from the authorization request (claude-code#52871)',
  () => ({
    authProvider: new EditingProvider((p) => p.delete('resource')),
  }),
)

/** Asks for a scope of its own. Violates `scope-selection`. */
export const ownScope = faulty(
  'faulty:own-scope',
  'SDK client that asks for scope "openid profile" whatever the server said',
  () => ({
    authProvider: new EditingProvider((p) => p.set('scope', 'openid profile')),
  }),
)

/** Accepts a PRM naming any resource. Violates `resource-mismatch-rejected`. */
export const acceptsAnyResource = faulty(
  'faulty:accepts-any-resource',
  'SDK client whose provider accepts any PRM resource',
  () => {
    const provider = new HeadlessOAuthProvider() as HeadlessOAuthProvider & {
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
        return await runSdkSession(config, context, { headers: config.headers, authProvider: new HeadlessOAuthProvider() })
      } catch (error) {
        if (attempt >= 10 || context.signal.aborted) throw error
      }
    }
  },
}

export const OAUTH_FAULTS: readonly ClientUnderTest[] = [
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
