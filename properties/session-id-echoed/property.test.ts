// Proof that `session-id-echoed` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { sessionIdEchoed } from './property.js'
import { witnesses } from './witnesses.js'

describe('session-id-echoed', () => describeWitnesses(sessionIdEchoed, witnesses))
