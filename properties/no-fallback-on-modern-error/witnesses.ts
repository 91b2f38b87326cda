// The faulty reference client(s) of `no-fallback-on-modern-error`: SDK sessions with one bug each, proof that the property can fail.
import type { ClientUnderTest } from '../../src/clients/client-under-test.js'
import { HeadlessOAuthProvider } from '../../src/clients/headless-oauth-provider.js'
import { runSdk2Session } from '../../src/clients/sdk2-clients.js'
import { parseJsonOr } from '../../src/core/json.js'
import { modernVersionOf } from '../../src/spec/modern-headers.js'
import { negotiatingV2 } from '../../src/clients/faulty/sdk2-kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/** Reads only the status of a 400 to a modern request: the body, which says the server speaks the era, never reaches the SDK. */
const statusOnly: typeof fetch = async (input, init) => {
  const answer = await fetch(input, init)
  const body = typeof init?.body === 'string' ? init.body : undefined
  if (answer.status !== 400 || modernVersionOf(parseJsonOr(body, undefined)) === undefined) return answer
  await answer.body?.cancel()
  return new Response(null, { status: 400, statusText: answer.statusText })
}

/** The v2 client that falls back to `initialize` on any 400 to its probe. Violates `no-fallback-on-modern-error`. */
export const fallsBackOnAny400: ClientUnderTest = negotiatingV2({
  name: 'faulty:falls-back-on-any-400',
  description:
    'v2 SDK client with version negotiation that reads only the status of a 400 to its modern probe, and falls back to initialize',
  transports: ['streamable-http'],
  run: (config, context) =>
    runSdk2Session(config, context, new HeadlessOAuthProvider(config), { modern: true, fetch: statusOnly }),
})

/** Each violates `no-fallback-on-modern-error`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(fallsBackOnAny400)]
