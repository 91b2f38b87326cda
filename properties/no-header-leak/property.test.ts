// Proof that `no-header-leak` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { noHeaderLeak } from './property.js'
import { witnesses } from './witnesses.js'

describe('no-header-leak', () => describeWitnesses(noHeaderLeak, witnesses))
