// Proof that `session-restarted-after-404` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { sessionRestartedAfter404 } from './property.js'
import { witnesses } from './witnesses.js'

describe('session-restarted-after-404', () => describeWitnesses(sessionRestartedAfter404, witnesses))
