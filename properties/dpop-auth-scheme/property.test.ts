// Proof that `dpop-auth-scheme` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { dpopAuthScheme } from './property.js'
import { witnesses } from './witnesses.js'

describe('dpop-auth-scheme', () => describeWitnesses(dpopAuthScheme, witnesses))
