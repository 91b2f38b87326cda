// Proof that `no-client-responses` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { noClientResponses } from './property.js'
import { witnesses } from './witnesses.js'

describe('no-client-responses', () => describeWitnesses(noClientResponses, witnesses))
