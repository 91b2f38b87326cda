// The faulty reference client(s) of `as-metadata-discovery-order`: SDK sessions with one bug each, proof that the property can fail.
import { faulty, rewriting } from '../../src/clients/faulty/kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/** Drops the issuer path from AS metadata URLs. Violates `as-metadata-discovery-order` (typescript-sdk#545). */
export const asMetadataRootOnly = faulty(
  'faulty:as-metadata-root-only',
  'SDK client that drops the issuer path from AS metadata URLs (typescript-sdk#545)',
  () => ({
    fetch: rewriting((url) => {
      const match = /^\/\.well-known\/(oauth-authorization-server|openid-configuration)\/.+$/.exec(url.pathname)
      if (match) url.pathname = `/.well-known/${match[1]}`
    }),
  }),
)

/** Each violates `as-metadata-discovery-order`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(asMetadataRootOnly)]
