// Proof that `scope-selection` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { scopeSelection } from './property.js'
import { witnesses } from './witnesses.js'

describe('scope-selection', () => describeWitnesses(scopeSelection, witnesses))
