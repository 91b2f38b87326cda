// The faulty reference client(s) of `accept-headers`: SDK sessions with one bug each, proof that the property can fail.
import { faultyStreamable } from '../../src/clients/faulty/kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/** POSTs with `Accept: application/json` only. Violates `accept-headers`. */
export const jsonOnlyAccept = faultyStreamable(
  'faulty:json-only-accept',
  'SDK client that POSTs with Accept: application/json only (python-sdk#3503 class: wrong Accept per method)',
  (method, headers) => {
    if (method === 'POST') headers.set('accept', 'application/json')
  },
)

/** Each violates `accept-headers`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(jsonOnlyAccept)]
