import { TRANSPORTS } from '../../core/client-config.js'
import type { ClientUnderTest } from '../client-under-test.js'
import { HeadlessOAuthProvider } from '../headless-oauth-provider.js'
import { runSdkSession } from '../sdk-session.js'
import { withoutHeadersOn } from './strip-headers.js'

/**
 * Reproduces gemini-cli#25473, rust-sdk#464 and typescript-sdk#895: configured headers go on POSTs
 * but not on the SSE / standalone GET stream. Violates `headers-always-sent`.
 */
export const noHeadersOnStream: ClientUnderTest = {
  name: 'faulty:no-headers-on-stream',
  description: 'SDK client that sends configured headers on POSTs but not on the GET/SSE stream (gemini-cli#25473)',
  transports: TRANSPORTS,
  run(config, context) {
    const strip = withoutHeadersOn('GET', Object.keys(config.headers))
    return runSdkSession(config, context, {
      headers: config.headers,
      authProvider: new HeadlessOAuthProvider(config),
      ...(config.transport === 'sse' ? { eventSourceFetch: strip } : { fetch: strip }),
    })
  },
}
