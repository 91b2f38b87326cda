// Proof that `headers-always-sent` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { headersAlwaysSent } from './property.js'
import { witnesses } from './witnesses.js'

describe('headers-always-sent', () => describeWitnesses(headersAlwaysSent, witnesses))
