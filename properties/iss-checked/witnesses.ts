// The faulty reference client(s) of `iss-checked`: SDK sessions with one bug each, proof that the property can fail.
import { faulty } from '../../src/clients/faulty/kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/**
 * Redeems whatever code the authorization response carries: the v1 SDK as shipped, whose
 * `finishAuth` takes only the code (1.32 has no RFC 9207 check). Violates `iss-checked`.
 */
export const ignoresIss = faulty(
  'faulty:ignores-iss',
  'SDK client that redeems an authorization code whatever iss came with it (the v1 SDK as shipped)',
  () => ({}),
)

/** Each violates `iss-checked`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(ignoresIss)]
