// Proof that `sse-retry-honoured` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { sseRetryHonoured } from './property.js'
import { witnesses } from './witnesses.js'

describe('sse-retry-honoured', () => describeWitnesses(sseRetryHonoured, witnesses))
