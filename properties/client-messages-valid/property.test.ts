// Proof that `client-messages-valid` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { clientMessagesValid } from './property.js'
import { witnesses } from './witnesses.js'

describe('client-messages-valid', () => describeWitnesses(clientMessagesValid, witnesses))
