// Proof that `iss-checked` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { issChecked } from './property.js'
import { witnesses } from './witnesses.js'

describe('iss-checked', () => describeWitnesses(issChecked, witnesses))
