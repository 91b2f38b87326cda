// Proof that `scope-step-up` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { scopeStepUp } from './property.js'
import { witnesses } from './witnesses.js'

describe('scope-step-up', () => describeWitnesses(scopeStepUp, witnesses))
