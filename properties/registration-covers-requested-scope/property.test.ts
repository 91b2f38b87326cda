// Proof that `registration-covers-requested-scope` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { registrationCoversRequestedScope } from './property.js'
import { witnesses } from './witnesses.js'

describe('registration-covers-requested-scope', () => describeWitnesses(registrationCoversRequestedScope, witnesses))
