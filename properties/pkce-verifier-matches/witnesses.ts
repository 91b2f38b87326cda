// The faulty reference client(s) of `pkce-verifier-matches`: SDK sessions with one bug each, proof that the property can fail.
import { editingForms, faultyV2 } from '../../src/clients/faulty/sdk2-kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/**
 * Sends a fresh verifier with the token request, not the one its challenge was made from (a client
 * that regenerates PKCE state between the two steps). Violates `pkce-verifier-matches`.
 */
export const mismatchedVerifier = faultyV2(
  'faulty:mismatched-code-verifier',
  'v2 SDK client whose token request carries another code_verifier than the one behind its code_challenge',
  {},
  () =>
    editingForms((_, form) => {
      if (form.get('grant_type') === 'authorization_code') form.set('code_verifier', 'regenerated-verifier-'.padEnd(64, 'x'))
    }),
)

/** Each violates `pkce-verifier-matches`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(mismatchedVerifier)]
