// Proof that `registration-grants-refresh` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { registrationGrantsRefresh } from './property.js'
import { witnesses } from './witnesses.js'

describe('registration-grants-refresh', () => describeWitnesses(registrationGrantsRefresh, witnesses))
