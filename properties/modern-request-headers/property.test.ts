// Proof that `modern-request-headers` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { modernRequestHeaders } from './property.js'
import { witnesses } from './witnesses.js'

describe('modern-request-headers', () => describeWitnesses(modernRequestHeaders, witnesses))
