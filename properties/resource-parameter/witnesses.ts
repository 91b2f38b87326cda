// The faulty reference client(s) of `resource-parameter`: SDK sessions with one bug each, proof that the property can fail.
import { EditingProvider, faulty } from '../../src/clients/faulty/kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/** Drops `resource` from the authorization request. Violates `resource-parameter` (claude-code#52871, typescript-sdk#1968). */
export const noResourceParameter = faulty(
  'faulty:no-resource-parameter',
  'SDK client that omits resource from the authorization request (claude-code#52871)',
  (config) => ({
    authProvider: new EditingProvider(config, (p) => p.delete('resource')),
  }),
)

/** Each violates `resource-parameter`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(noResourceParameter)]
