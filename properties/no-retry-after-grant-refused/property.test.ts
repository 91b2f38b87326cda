// Proof that `no-retry-after-grant-refused` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { noRetryAfterGrantRefused } from './property.js'
import { witnesses } from './witnesses.js'

describe('no-retry-after-grant-refused', () => describeWitnesses(noRetryAfterGrantRefused, witnesses))
