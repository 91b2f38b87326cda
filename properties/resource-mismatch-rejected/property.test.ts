// Proof that `resource-mismatch-rejected` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { resourceMismatchRejected } from './property.js'
import { witnesses } from './witnesses.js'

describe('resource-mismatch-rejected', () => describeWitnesses(resourceMismatchRejected, witnesses))
