// Proof that `state-verified` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { stateVerified } from './property.js'
import { witnesses } from './witnesses.js'

describe('state-verified', () => describeWitnesses(stateVerified, witnesses))
