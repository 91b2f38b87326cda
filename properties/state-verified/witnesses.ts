// The faulty reference client(s) of `state-verified`: SDK sessions with one bug each, proof that the property can fail.
import { faulty } from '../../src/clients/faulty/kit.js'
import { HeadlessOAuthProvider } from '../../src/clients/headless-oauth-provider.js'
import { witness, type Witness } from '../../src/property/witness.js'

/** Sends a state and never looks at the one the callback brings back. */
class UncheckedStateProvider extends HeadlessOAuthProvider {
  protected override acceptsCallback(): boolean {
    return true
  }
}

/** Redeems the code of any callback. Violates `state-verified`. */
export const ignoresCallbackState = faulty(
  'faulty:ignores-callback-state',
  'SDK client that sends state but redeems the code of a callback whose state is another (an injected one)',
  (config) => ({ authProvider: new UncheckedStateProvider(config) }),
)

/** Each violates `state-verified`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(ignoresCallbackState)]
