// The faulty reference client(s) of `no-discovery-without-challenge`: SDK sessions with one bug each, proof that the property can fail.
import { discoverOAuthProtectedResourceMetadata } from '@modelcontextprotocol/sdk/client/auth.js'
import { TRANSPORTS } from '../../src/core/client-config.js'
import type { ClientUnderTest } from '../../src/clients/client-under-test.js'
import { HeadlessOAuthProvider } from '../../src/clients/headless-oauth-provider.js'
import { runSdkSession } from '../../src/clients/sdk-session.js'
import { witness, type Witness } from '../../src/property/witness.js'

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

/** Each violates `no-discovery-without-challenge`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(discoveryFirst)]
