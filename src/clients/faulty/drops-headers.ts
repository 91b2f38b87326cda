import { TRANSPORTS } from '../../core/client-config.js'
import type { ClientUnderTest } from '../client-under-test.js'
import { HeadlessOAuthProvider } from '../headless-oauth-provider.js'
import { runSdkSession } from '../sdk-session.js'

/**
 * Reproduces anthropics/claude-code#7290 (and typescript-sdk#569): the configured headers never
 * reach the transport. Violates `headers-always-sent`.
 */
export const dropsHeaders: ClientUnderTest = {
  name: 'faulty:drops-headers',
  description: 'SDK client that ignores the configured headers (claude-code#7290, typescript-sdk#569)',
  transports: TRANSPORTS,
  run: (config, context) => runSdkSession(config, context, { headers: {}, authProvider: new HeadlessOAuthProvider(config) }),
}
