// The faulty reference client(s) of `session-restarted-after-404`: SDK sessions with one bug each, proof that the property can fail.
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js'
import type { ClientUnderTest } from '../../src/clients/client-under-test.js'
import { HeadlessOAuthProvider } from '../../src/clients/headless-oauth-provider.js'
import { runSdkSession } from '../../src/clients/sdk-session.js'
import { witness, type Witness } from '../../src/property/witness.js'

/** On a 404 to a request with a session id, sends the same request again, dead session id and all. */
const retryingExpired: FetchLike = async (input, init) => {
  const answer = await fetch(input, init)
  if (answer.status !== 404 || !new Headers(init?.headers).has('mcp-session-id')) return answer
  await answer.body?.cancel()
  return fetch(input, init)
}

/** Retries a request whose session the server forgot with the same session id. Violates `session-restarted-after-404`. */
export const retriesExpiredSession: ClientUnderTest = {
  name: 'faulty:retries-expired-session',
  description: 'SDK client that answers a 404 for its session by sending the same request again, with the dead session id',
  transports: ['streamable-http'],
  run: (config, context) =>
    runSdkSession(config, context, {
      headers: config.headers,
      authProvider: new HeadlessOAuthProvider(config),
      fetch: retryingExpired,
    }),
}

/** Each violates `session-restarted-after-404`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(retriesExpiredSession)]
