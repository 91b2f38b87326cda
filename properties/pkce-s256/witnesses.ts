// The faulty reference client(s) of `pkce-s256`: SDK sessions with one bug each, proof that the property can fail.
import { EditingProvider, faulty } from '../../src/clients/faulty/kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/** Opens the authorization URL with `code_challenge_method=plain`. Violates `pkce-s256`. */
export const pkcePlain = faulty(
  'faulty:pkce-plain',
  'SDK client whose authorization request uses PKCE method plain',
  (config) => ({
    authProvider: new EditingProvider(config, (p) => p.set('code_challenge_method', 'plain')),
  }),
)

/** Each violates `pkce-s256`; the names after it are what its one bug breaks besides (not false blame). */
// The edit leaves the S256 challenge value under method=plain: the verifier no longer answers it.
export const witnesses: readonly Witness[] = [witness(pkcePlain, 'pkce-verifier-matches')]
