// Proof that `dpop-proof-valid` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { dpopProofValid } from './property.js'
import { witnesses } from './witnesses.js'

describe('dpop-proof-valid', () => describeWitnesses(dpopProofValid, witnesses))
