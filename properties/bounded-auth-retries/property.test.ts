// Proof that `bounded-auth-retries` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { boundedAuthRetries } from './property.js'
import { witnesses } from './witnesses.js'

describe('bounded-auth-retries', () => describeWitnesses(boundedAuthRetries, witnesses))
