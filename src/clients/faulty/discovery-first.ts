import { discoverOAuthProtectedResourceMetadata } from '@modelcontextprotocol/sdk/client/auth.js'
import { TRANSPORTS } from '../../core/client-config.js'
import type { ClientUnderTest } from '../client-under-test.js'
import { HeadlessOAuthProvider } from '../headless-oauth-provider.js'
import { runSdkSession } from '../sdk-session.js'

/**
 * Reproduces claude-code#47424 and codex#5588: probes Protected Resource Metadata with the SDK's own
 * discovery function before its first MCP request, whether or not the server challenged. Then runs a normal
 * session. Violates `no-discovery-without-challenge`.
 */
export const discoveryFirst: ClientUnderTest = {
  name: 'faulty:discovery-first',
  description: 'SDK client that runs OAuth discovery before its first request (claude-code#47424, codex#5588)',
  transports: TRANSPORTS,
  async run(config, context) {
    const url = new URL(config.url)
    await discoverOAuthProtectedResourceMetadata(url).catch(() => undefined)
    await runSdkSession(config, context, { headers: config.headers, authProvider: new HeadlessOAuthProvider(config) })
  },
}
