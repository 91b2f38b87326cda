import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js'
import { TRANSPORTS } from '../../core/client-config.js'
import type { ClientUnderTest } from '../client-under-test.js'
import { HeadlessOAuthProvider } from '../headless-oauth-provider.js'
import { runSdkSession } from '../sdk-session.js'

/** How often the faulty fetch repeats a refused request: far past any sensible retry limit. */
const RETRIES = 30

/** A fetch that sends a request answered 401 or 403 again, the same way, up to RETRIES times. */
const retryingFetch: FetchLike = async (input, init) => {
  let response = await fetch(input, init)
  for (let retry = 0; retry < RETRIES && (response.status === 401 || response.status === 403); retry++) {
    await response.body?.cancel()
    response = await fetch(input, init)
  }
  return response
}

/**
 * Repeats every refused request (401 or 403) unchanged, as a naive retry wrapper around fetch
 * does, on every request kind. Violates `bounded-auth-retries` (refused MCP requests).
 */
export const retriesRefused: ClientUnderTest = {
  name: 'faulty:retries-refused',
  description: 'SDK client whose fetch wrapper retries a 401/403 answer unchanged, 30 times (naive retry middleware)',
  transports: TRANSPORTS,
  run: (config, context) =>
    runSdkSession(config, context, {
      headers: config.headers,
      authProvider: new HeadlessOAuthProvider(config),
      fetch: retryingFetch,
    }),
}
