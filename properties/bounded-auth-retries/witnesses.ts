// The faulty reference client(s) of `bounded-auth-retries`: SDK sessions with one bug each, proof that the property can fail.
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js'
import { TRANSPORTS } from '../../src/core/client-config.js'
import type { ClientUnderTest } from '../../src/clients/client-under-test.js'
import { HeadlessOAuthProvider } from '../../src/clients/headless-oauth-provider.js'
import { runSdkSession } from '../../src/clients/sdk-session.js'
import { witness, type Witness } from '../../src/property/witness.js'

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
        return await runSdkSession(config, context, { headers: config.headers, authProvider: new HeadlessOAuthProvider(config) })
      } catch (error) {
        if (attempt >= 10 || context.signal.aborted) throw error
      }
    }
  },
}

/** Each violates `bounded-auth-retries`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(retriesRefused), witness(endlessReauthorization)]
