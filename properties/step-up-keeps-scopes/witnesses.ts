// The faulty reference client(s) of `step-up-keeps-scopes`: SDK sessions with one bug each, proof that the property can fail.
import type { ClientUnderTest } from '../../src/clients/client-under-test.js'
import { EditingProvider } from '../../src/clients/faulty/kit.js'
import { runSdk2Session } from '../../src/clients/sdk2-clients.js'
import { SDK2_BASED, SDK2_NEGOTIATING } from '../../src/clients/faulty/sdk2-kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/**
 * The v2 client in the 2026-07-28 era that re-authorizes for exactly the scope the 403 named,
 * dropping what it asked before: right against a server whose challenge names every scope the call
 * needs, wrong against one that names only the missing one. Violates `step-up-keeps-scopes`.
 */
export const stepUpOverwritesScope: ClientUnderTest = {
  name: 'faulty:step-up-overwrites-scope',
  description: "v2 SDK client in the 2026-07-28 era whose step-up asks only for the 403's scope, dropping what it asked before",
  transports: ['streamable-http'],
  run: (config, context) => {
    let challenged: string | undefined
    const remembering: typeof fetch = async (input, init) => {
      const answer = await fetch(input, init)
      const scope = answer.status === 403 ? /scope="([^"]*)"/.exec(answer.headers.get('www-authenticate') ?? '')?.[1] : undefined
      if (scope !== undefined) challenged = scope
      return answer
    }
    const provider = new EditingProvider(config, (params) => {
      if (challenged !== undefined) params.set('scope', challenged)
    })
    return runSdk2Session(config, context, provider, { modern: true, fetch: remembering })
  },
}
SDK2_BASED.add(stepUpOverwritesScope)
SDK2_NEGOTIATING.add(stepUpOverwritesScope)

/** Each violates `step-up-keeps-scopes`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(stepUpOverwritesScope)]
