// Proof that `registration-application-type` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { registrationApplicationType } from './property.js'
import { witnesses } from './witnesses.js'

describe('registration-application-type', () => describeWitnesses(registrationApplicationType, witnesses))
