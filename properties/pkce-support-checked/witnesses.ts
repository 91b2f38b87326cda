// The faulty reference client(s) of `pkce-support-checked`: SDK sessions with one bug each, proof that the property can fail.
import { faulty } from '../../src/clients/faulty/kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/**
 * Authorizes although the AS metadata leaves out `code_challenge_methods_supported`: the shipped
 * SDK's own behaviour (1.32 and 2.4 check the list only when present). Violates `pkce-support-checked`.
 */
export const ignoresPkceSupport = faulty(
  'faulty:ignores-pkce-support',
  'SDK client that authorizes when the AS metadata lacks code_challenge_methods_supported (the SDK as shipped)',
  () => ({}),
)

/** Each violates `pkce-support-checked`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(ignoresPkceSupport)]
