import {
  Client,
  SSEClientTransport,
  StreamableHTTPClientTransport,
  UnauthorizedError,
  type OAuthClientProvider,
} from '@modelcontextprotocol/client'
import { MAX_AUTHORIZATIONS } from './sdk-session.js'
import type { ClientConfig, Transport } from '../config/client-config.js'
import type { ClientUnderTest, TrialContext } from './client-under-test.js'
import { HeadlessOAuthProvider } from './headless-oauth-provider.js'
import { runStandardSession } from './standard-session.js'

/**
 * The standard session with the v2 TypeScript SDK client package (`@modelcontextprotocol/client`):
 * the same steps as the v1 adapters, headers in `requestInit.headers` as its docs say.
 */
async function runSdk2Session(config: ClientConfig, context: TrialContext, authProvider?: HeadlessOAuthProvider): Promise<void> {
  for (let round = 0; ; round++) {
    const transport = createSdk2Transport(config, authProvider)
    try {
      return await runStandardSession(new Client({ name: 'mcp-auth-harness', version: '0.1.0' }), transport, context)
    } catch (error) {
      const code =
        error instanceof UnauthorizedError && round < MAX_AUTHORIZATIONS ? authProvider?.takeAuthorizationCode() : undefined
      if (!code) throw error
      await transport.finishAuth(code)
    }
  }
}

function createSdk2Transport(config: ClientConfig, provider?: HeadlessOAuthProvider) {
  const authProvider = provider as unknown as OAuthClientProvider | undefined
  const url = new URL(config.url)
  const options = { requestInit: { headers: config.headers }, ...(authProvider ? { authProvider } : {}) }
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

function sdk2Client(transport: Transport): ClientUnderTest {
  const short = transport === 'streamable-http' ? 'streamable' : 'sse'
  return {
    name: `sdk2-${short}`,
    description: `@modelcontextprotocol/client (v2 SDK) ${transport === 'sse' ? 'SSEClientTransport' : 'StreamableHTTPClientTransport'}, with a headless OAuth provider`,
    transports: [transport],
    // The v1 provider class has the v2 interface's shape: the same headless app, either SDK.
    run: (config, context) => runSdk2Session(config, context, new HeadlessOAuthProvider()),
  }
}

/** The v2 SDK clients: not in the default `fuzz` set (which stays the v1 SDK), named with --client. */
export const SDK2_CLIENTS: readonly ClientUnderTest[] = [sdk2Client('streamable-http'), sdk2Client('sse')]
