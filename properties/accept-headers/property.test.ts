// Proof that `accept-headers` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { acceptHeaders } from './property.js'
import { witnesses } from './witnesses.js'

describe('accept-headers', () => describeWitnesses(acceptHeaders, witnesses))
