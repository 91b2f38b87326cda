// The faulty reference client(s) of `last-event-id-resumption`: SDK sessions with one bug each, proof that the property can fail.
import { faultyStreamable } from '../../src/clients/faulty/kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/** Reopens a dropped GET stream without `Last-Event-ID`, so the server cannot redeliver. Violates `last-event-id-resumption`. */
export const noLastEventId = faultyStreamable(
  'faulty:no-last-event-id',
  'SDK client that reopens a dropped GET stream without Last-Event-ID',
  (method, headers) => {
    if (method === 'GET') headers.delete('last-event-id')
  },
)

/** Each violates `last-event-id-resumption`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(noLastEventId)]
