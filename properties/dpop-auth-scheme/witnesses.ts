// The faulty reference client(s) of `dpop-auth-scheme`: v2 SDK sessions with one bug each, proof that the property can fail.
import { faultyV2 } from '../../src/clients/faulty/sdk2-kit.js'
import { editingHeaders } from '../../src/clients/faulty/kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/** Presents its DPoP-bound token with the Bearer scheme (the proof still goes along). */
export const dpopTokenAsBearer = faultyV2(
  'faulty:dpop-token-as-bearer',
  'v2 SDK DPoP client that sends its bound token as Authorization: Bearer',
  { dpop: true },
  () =>
    editingHeaders((_method, headers) => {
      const token = /^DPoP (.+)$/i.exec(headers.get('authorization') ?? '')?.[1]
      if (token) headers.set('authorization', `Bearer ${token}`)
    }) as typeof fetch,
)

/** Each violates `dpop-auth-scheme`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(dpopTokenAsBearer, 'token-in-authorization-header')]
