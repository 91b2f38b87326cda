// Proof that `param-headers-mirrored` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { paramHeadersMirrored } from './property.js'
import { witnesses } from './witnesses.js'

describe('param-headers-mirrored', () => describeWitnesses(paramHeadersMirrored, witnesses))
