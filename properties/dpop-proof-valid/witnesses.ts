// The faulty reference client(s) of `dpop-proof-valid`: v2 SDK sessions with one bug each, proof that the property can fail.
import { faultyV2 } from '../../src/clients/faulty/sdk2-kit.js'
import { editingHeaders } from '../../src/clients/faulty/kit.js'
import { decodeJws } from '../../src/spec/jws.js'
import { witness, type Witness } from '../../src/property/witness.js'

/** Caches a DPoP proof per method, URL and nonce and sends it again, as if a proof were a reusable credential. */
export const dpopProofReused = faultyV2(
  'faulty:dpop-proof-reused',
  'v2 SDK DPoP client that reuses one proof for every request to the same method, URL and nonce',
  { dpop: true },
  () => {
    const cached = new Map<string, string>()
    return editingHeaders((method, headers) => {
      const proof = headers.get('dpop')
      const payload = proof ? decodeJws(proof)?.payload : undefined
      if (!proof || !payload) return
      const key = `${method} ${String(payload.htu)} ${String(payload.nonce)} ${String(payload.ath)}`
      const earlier = cached.get(key)
      if (earlier) headers.set('dpop', earlier)
      else cached.set(key, proof)
    }) as typeof fetch
  },
)

/** Each violates `dpop-proof-valid`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(dpopProofReused)]
