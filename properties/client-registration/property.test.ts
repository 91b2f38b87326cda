// Proof that `client-registration` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { clientRegistration } from './property.js'
import { witnesses } from './witnesses.js'

describe('client-registration', () => describeWitnesses(clientRegistration, witnesses))
