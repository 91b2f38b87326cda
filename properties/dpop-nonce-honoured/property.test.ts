// Proof that `dpop-nonce-honoured` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { dpopNonceHonoured } from './property.js'
import { witnesses } from './witnesses.js'

describe('dpop-nonce-honoured', () => describeWitnesses(dpopNonceHonoured, witnesses))
