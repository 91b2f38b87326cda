import type { Transport } from '../core/client-config.js'
import type { ClientUnderTest } from './client-under-test.js'
import { HeadlessOAuthProvider } from './headless-oauth-provider.js'
import { installedPackageVersion } from './package-version.js'
import { runSdkSession } from './sdk-session.js'

const SDK_VERSION = installedPackageVersion('@modelcontextprotocol/sdk', '@modelcontextprotocol/sdk/client/index.js')

const TRANSPORT_CLASS: Record<Transport, string> = {
  'streamable-http': 'StreamableHTTPClientTransport',
  sse: 'SSEClientTransport',
}

/**
 * The official TypeScript SDK (`@modelcontextprotocol/sdk`) used as its docs tell users to:
 * configured headers in `requestInit.headers`. With `oauth`, also a headless OAuthClientProvider,
 * as OAuth-capable apps have, so that a 401 starts discovery; without, a 401 is just an error.
 */
function sdkClient(transport: Transport, oauth: boolean): ClientUnderTest {
  const short = transport === 'streamable-http' ? 'streamable' : 'sse'
  return {
    name: `sdk-${short}${oauth ? '' : '-no-oauth'}`,
    description: `@modelcontextprotocol/sdk ${TRANSPORT_CLASS[transport]}, ${oauth ? 'with a headless OAuth provider' : 'headers only, no OAuth provider'}`,
    transports: [transport],
    keepsOpen: true,
    legacyOnly: true,
    ...(SDK_VERSION ? { version: SDK_VERSION } : {}),
    run: (config, context) =>
      runSdkSession(config, context, {
        headers: config.headers,
        ...(oauth ? { authProvider: new HeadlessOAuthProvider(config) } : {}),
      }),
  }
}

/** The built-in clients `fuzz` tests by default. */
export const SDK_CLIENTS: readonly ClientUnderTest[] = [
  sdkClient('streamable-http', true),
  sdkClient('sse', true),
  sdkClient('streamable-http', false),
  sdkClient('sse', false),
]
