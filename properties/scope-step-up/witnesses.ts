// The faulty reference client(s) of `scope-step-up`: SDK sessions with one bug each, proof that the property can fail.
import { faulty, rewriting } from '../../src/clients/faulty/kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/** Takes a 403 `insufficient_scope` as a plain failure (its challenge unseen). Violates `scope-step-up`. */
export const noStepUp = faulty('faulty:no-step-up', 'SDK client that does not step up on 403 insufficient_scope', () => ({
  fetch: rewriting(
    () => undefined,
    (response) => {
      if (response.status !== 403) return response
      const headers = new Headers(response.headers)
      headers.delete('www-authenticate')
      return new Response(response.body, { status: 403, statusText: response.statusText, headers })
    },
  ),
}))

/** Each violates `scope-step-up`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(noStepUp)]
