// The faulty reference client(s) of `no-header-leak`: SDK sessions with one bug each, proof that the property can fail.
import { faulty, rewriting } from '../../src/clients/faulty/kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/** Copies its configured headers onto requests to every other origin. Violates `no-header-leak` (opencode#20286). */
export const headersToEveryOrigin = faulty(
  'faulty:headers-to-every-origin',
  'SDK client that sends its configured headers to every origin (opencode#20286)',
  (config) => ({
    fetch: rewriting((url, headers) => {
      if (url.origin !== new URL(config.url).origin)
        for (const [name, value] of Object.entries(config.headers)) headers.set(`x-copied-${name}`, value)
    }),
  }),
)

/** Each violates `no-header-leak`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(headersToEveryOrigin)]
