// The faulty reference client(s) of `scope-selection`: SDK sessions with one bug each, proof that the property can fail.
import { EditingProvider, faulty } from '../../src/clients/faulty/kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/** Asks for a scope of its own. Violates `scope-selection`. */
export const ownScope = faulty(
  'faulty:own-scope',
  'SDK client that asks for scope "openid profile" whatever the server said',
  (config) => ({
    authProvider: new EditingProvider(config, (p) => p.set('scope', 'openid profile')),
  }),
)

/** Each violates `scope-selection`; the names after it are what its one bug breaks besides (not false blame). */
// Asking for a scope of its own is also asking for one it did not register.
export const witnesses: readonly Witness[] = [witness(ownScope, 'registration-covers-requested-scope')]
