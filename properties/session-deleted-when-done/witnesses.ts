// The faulty reference client(s) of `session-deleted-when-done`: SDK sessions with one bug each, proof that the property can fail.
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js'
import type { ClientUnderTest } from '../../src/clients/client-under-test.js'
import { HeadlessOAuthProvider } from '../../src/clients/headless-oauth-provider.js'
import { runSdkSession } from '../../src/clients/sdk-session.js'
import { witness, type Witness } from '../../src/property/witness.js'

/** Its DELETE never leaves the client: answered 200 on the spot, as if the session were ended. */
const swallowingDeletes: FetchLike = async (input, init) =>
  (init?.method ?? 'GET').toUpperCase() === 'DELETE' ? new Response(null, { status: 200 }) : fetch(input, init)

/** Walks away from its session without ending it. Violates `session-deleted-when-done`. */
export const leavesSessionOpen: ClientUnderTest = {
  name: 'faulty:leaves-session-open',
  description: 'SDK client that never sends the DELETE that ends its Streamable HTTP session',
  transports: ['streamable-http'],
  run: (config, context) =>
    runSdkSession(config, context, {
      headers: config.headers,
      authProvider: new HeadlessOAuthProvider(config),
      fetch: swallowingDeletes,
    }),
}

/** Each violates `session-deleted-when-done`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(leavesSessionOpen)]
