// Proof that `resource-parameter` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { resourceParameter } from './property.js'
import { witnesses } from './witnesses.js'

describe('resource-parameter', () => describeWitnesses(resourceParameter, witnesses))
