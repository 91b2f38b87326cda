// The faulty reference client(s) of `resource-mismatch-rejected`: SDK sessions with one bug each, proof that the property can fail.
import { HeadlessOAuthProvider } from '../../src/clients/headless-oauth-provider.js'
import { faulty } from '../../src/clients/faulty/kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/** Accepts a PRM naming any resource. Violates `resource-mismatch-rejected`. */
export const acceptsAnyResource = faulty(
  'faulty:accepts-any-resource',
  'SDK client whose provider accepts any PRM resource',
  (config) => {
    const provider = new HeadlessOAuthProvider(config) as HeadlessOAuthProvider & {
      validateResourceURL?: (server: URL, resource?: string) => Promise<URL | undefined>
    }
    provider.validateResourceURL = async (_server, resource) => (resource ? new URL(resource) : undefined)
    return { authProvider: provider }
  },
)

/** Each violates `resource-mismatch-rejected`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [
  // Using the foreign resource it accepted, it also sends that resource as the resource parameter.
  witness(acceptsAnyResource, 'resource-parameter'),
]
