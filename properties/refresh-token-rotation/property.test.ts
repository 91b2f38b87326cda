// Proof that `refresh-token-rotation` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { refreshTokenRotation } from './property.js'
import { witnesses } from './witnesses.js'

describe('refresh-token-rotation', () => describeWitnesses(refreshTokenRotation, witnesses))
