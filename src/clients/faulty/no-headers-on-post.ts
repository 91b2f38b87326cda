import { TRANSPORTS } from '../../core/client-config.js'
import type { ClientUnderTest } from '../client-under-test.js'
import { HeadlessOAuthProvider } from '../headless-oauth-provider.js'
import { runSdkSession } from '../sdk-session.js'
import { withoutHeadersOn } from './strip-headers.js'

/**
 * Reproduces vscode#246207 and claude-code#28293: configured headers go on the SSE GET but not on
 * the POSTs (`POST /message?sessionId=…` lacks them). Violates `headers-always-sent`.
 */
export const noHeadersOnPost: ClientUnderTest = {
  name: 'faulty:no-headers-on-post',
  description: 'SDK client that sends configured headers on the GET/SSE stream but not on POSTs (vscode#246207)',
  transports: TRANSPORTS,
  run(config, context) {
    return runSdkSession(config, context, {
      headers: config.headers,
      authProvider: new HeadlessOAuthProvider(config),
      fetch: withoutHeadersOn('POST', Object.keys(config.headers)),
    })
  },
}
