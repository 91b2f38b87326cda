// Proof that `last-event-id-resumption` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { lastEventIdResumption } from './property.js'
import { witnesses } from './witnesses.js'

describe('last-event-id-resumption', () => describeWitnesses(lastEventIdResumption, witnesses))
