// The faulty reference client(s) of `registration-application-type`: SDK sessions with one bug each, proof that the property can fail.
import { faulty } from '../../src/clients/faulty/kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/**
 * Registers without `application_type`: the v1 SDK as shipped (1.32's registration body has no
 * such field; 2.4 sends "native"). Violates `registration-application-type`.
 */
export const noApplicationType = faulty(
  'faulty:no-application-type',
  'SDK client whose dynamic client registration leaves out application_type (the v1 SDK as shipped)',
  () => ({}),
)

/** Each violates `registration-application-type`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(noApplicationType)]
