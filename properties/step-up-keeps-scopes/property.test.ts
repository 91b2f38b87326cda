// Proof that `step-up-keeps-scopes` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { stepUpKeepsScopes } from './property.js'
import { witnesses } from './witnesses.js'

describe('step-up-keeps-scopes', () => describeWitnesses(stepUpKeepsScopes, witnesses))
