// Proof that `session-deleted-when-done` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { sessionDeletedWhenDone } from './property.js'
import { witnesses } from './witnesses.js'

describe('session-deleted-when-done', () => describeWitnesses(sessionDeletedWhenDone, witnesses))
