import {
  Client,
  SSEClientTransport,
  StreamableHTTPClientTransport,
  UnauthorizedError,
  type OAuthClientProvider,
} from '@modelcontextprotocol/client'
import { MAX_AUTHORIZATIONS } from './sdk-session.js'
import { CONFIGURED_GRANTS, type ClientConfig, type Transport } from '../core/client-config.js'
import { sdk2AuthProvider } from './sdk2-grant-provider.js'
import type { ClientUnderTest, TrialContext } from './client-under-test.js'
import { HeadlessOAuthProvider } from './headless-oauth-provider.js'
import { installedPackageVersion } from './package-version.js'
import { runStandardSession } from './standard-session.js'

/**
 * The standard session with the v2 TypeScript SDK client package (`@modelcontextprotocol/client`):
 * the same steps as the v1 adapters, headers in `requestInit.headers` as its docs say.
 */
export async function runSdk2Session(
  config: ClientConfig,
  context: TrialContext,
  authProvider?: OAuthClientProvider,
  options: Sdk2Options = {},
): Promise<void> {
  // The era the server was found to speak, kept across reconnections as the 2026-07-28 transport
  // asks of a client (per origin, and a session has one): a legacy server is not probed again.
  let era: 'modern' | 'legacy' | undefined
  for (let round = 0; ; round++) {
    const transport = createSdk2Transport(config, authProvider, options.fetch)
    const negotiates = options.modern && era !== 'legacy'
    const client = new Client(
      { name: 'mcp-auth-harness', version: '0.1.0' },
      negotiates ? { versionNegotiation: { mode: 'auto' } } : {},
    )
    try {
      return await runStandardSession(client, transport, context, config.keepOpenMs, () => {
        era = client.getProtocolEra()
      })
    } catch (error) {
      // The whole callback, as the v2 SDK's docs hand it over: it validates `iss` (RFC 9207) before redeeming the code.
      const callback =
        error instanceof UnauthorizedError && round < MAX_AUTHORIZATIONS && authProvider instanceof HeadlessOAuthProvider
          ? authProvider.takeAuthorizationCallback()
          : undefined
      if (!callback) throw error
      await transport.finishAuth(callback)
    }
  }
}

/** How a v2 session differs: `modern` negotiates the era (`server/discover` first); `fetch` replaces the transport's. */
export interface Sdk2Options {
  modern?: boolean
  fetch?: typeof fetch
}

function createSdk2Transport(config: ClientConfig, authProvider?: OAuthClientProvider, fetch?: typeof globalThis.fetch) {
  const url = new URL(config.url)
  const options = {
    requestInit: { headers: config.headers },
    ...(authProvider ? { authProvider } : {}),
    ...(fetch ? { fetch } : {}),
  }
  return config.transport === 'streamable-http'
    ? new StreamableHTTPClientTransport(url, {
        ...options,
        reconnectionOptions: {
          initialReconnectionDelay: 50,
          maxReconnectionDelay: 50,
          reconnectionDelayGrowFactor: 1,
          maxRetries: 1,
        },
      })
    : new SSEClientTransport(url, options)
}

/** The authorization extensions the v2 SDK implements (see sdk2-grant-provider.ts), all told through the config. */
const EXTENSIONS = { grants: CONFIGURED_GRANTS, dpop: true } as const

const CLIENT_VERSION = installedPackageVersion('@modelcontextprotocol/client', '@modelcontextprotocol/client')
const versioned = CLIENT_VERSION ? { version: CLIENT_VERSION } : {}

function sdk2Client(transport: Transport): ClientUnderTest {
  const short = transport === 'streamable-http' ? 'streamable' : 'sse'
  return {
    name: `sdk2-${short}`,
    description: `@modelcontextprotocol/client (v2 SDK) ${transport === 'sse' ? 'SSEClientTransport' : 'StreamableHTTPClientTransport'}, with a headless OAuth provider`,
    transports: [transport],
    keepsOpen: true,
    legacyOnly: true,
    ...versioned,
    ...EXTENSIONS,
    run: (config, context) => runSdk2Session(config, context, sdk2AuthProvider(config)),
  }
}

/**
 * The v2 client with `versionNegotiation: { mode: 'auto' }`: it probes with `server/discover` and
 * speaks the 2026-07-28 POST-only transport to a server that offers it, else falls back to `initialize`.
 */
const sdk2Modern: ClientUnderTest = {
  name: 'sdk2-streamable-modern',
  description:
    '@modelcontextprotocol/client (v2 SDK) StreamableHTTPClientTransport with versionNegotiation auto (2026-07-28 when offered)',
  transports: ['streamable-http'],
  keepsOpen: true,
  ...versioned,
  ...EXTENSIONS,
  run: (config, context) => runSdk2Session(config, context, sdk2AuthProvider(config), { modern: true }),
}

/** The v2 SDK clients, by transport, and the one that negotiates the 2026-07-28 era. */
export const SDK2_CLIENTS: readonly ClientUnderTest[] = [sdk2Client('streamable-http'), sdk2Client('sse'), sdk2Modern]
