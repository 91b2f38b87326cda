// The faulty reference client(s) of `dpop-nonce-honoured`: v2 SDK sessions with one bug each, proof that the property can fail.
import { faultyV2 } from '../../src/clients/faulty/sdk2-kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/** Never reads the DPoP-Nonce response header, so it cannot put the server's nonce in its proofs. */
export const dpopNonceIgnored = faultyV2(
  'faulty:dpop-nonce-ignored',
  'v2 SDK DPoP client that ignores DPoP-Nonce response headers',
  { dpop: true },
  () => async (input, init) => {
    const response = await fetch(input, init)
    if (!response.headers.has('dpop-nonce')) return response
    const headers = new Headers(response.headers)
    headers.delete('dpop-nonce')
    const edited = new Response(response.body, { status: response.status, statusText: response.statusText, headers })
    Object.defineProperty(edited, 'url', { value: response.url })
    return edited
  },
)

/** Each violates `dpop-nonce-honoured`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(dpopNonceIgnored)]
