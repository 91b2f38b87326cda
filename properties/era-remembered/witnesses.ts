// The faulty reference client(s) of `era-remembered`: SDK sessions with one bug each, proof that the property can fail.
import type { ClientUnderTest } from '../../src/clients/client-under-test.js'
import { HeadlessOAuthProvider } from '../../src/clients/headless-oauth-provider.js'
import { runSdk2Session } from '../../src/clients/sdk2-clients.js'
import { negotiatingV2 } from '../../src/clients/faulty/sdk2-kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/**
 * The v2 client with version negotiation that runs two sessions one after the other (an agent that
 * connects per task) and remembers nothing between them: the second probes a server the first found
 * legacy. Violates `era-remembered`.
 */
export const forgetsEra: ClientUnderTest = negotiatingV2({
  name: 'faulty:forgets-era',
  description:
    'v2 SDK client with version negotiation that connects twice and probes the modern era again on a server the first session found legacy',
  transports: ['streamable-http'],
  run: async (config, context) => {
    const provider = new HeadlessOAuthProvider(config)
    await runSdk2Session(config, context, provider, { modern: true })
    await runSdk2Session(config, context, provider, { modern: true })
  },
})

/** Each violates `era-remembered`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(forgetsEra)]
