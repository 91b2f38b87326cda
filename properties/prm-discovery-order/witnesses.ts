// The faulty reference client(s) of `prm-discovery-order`: SDK sessions with one bug each, proof that the property can fail.
import { faulty, rewriting } from '../../src/clients/faulty/kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/** Asks only the root PRM well-known. Violates `prm-discovery-order` (python-sdk#1049). */
export const prmRootOnly = faulty(
  'faulty:prm-root-only',
  'SDK client that fetches PRM only at the root well-known (python-sdk#1049)',
  () => ({
    fetch: rewriting((url) => {
      if (url.pathname.startsWith('/.well-known/oauth-protected-resource/'))
        url.pathname = '/.well-known/oauth-protected-resource'
    }),
  }),
)

/** Each violates `prm-discovery-order`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [
  // Rewriting the path-inserted PRM URL also rewrites a resource_metadata hint that names it.
  witness(prmRootOnly, 'resource-metadata-honored'),
]
