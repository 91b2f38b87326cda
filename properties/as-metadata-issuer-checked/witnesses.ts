// The faulty reference client(s) of `as-metadata-issuer-checked`: SDK sessions with one bug each, proof that the property can fail.
import { faulty } from '../../src/clients/faulty/kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/**
 * Uses authorization server metadata whatever its `issuer` says: the v1 SDK as shipped (1.32 does
 * not compare it with the issuer it built the URL from). Violates `as-metadata-issuer-checked`.
 */
export const ignoresMetadataIssuer = faulty(
  'faulty:ignores-metadata-issuer',
  'SDK client that uses authorization server metadata whose issuer is not the one it asked (the v1 SDK as shipped)',
  () => ({}),
)

/** Each violates `as-metadata-issuer-checked`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(ignoresMetadataIssuer)]
