// Proof that `param-values-encoded` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { paramValuesEncoded } from './property.js'
import { witnesses } from './witnesses.js'

describe('param-values-encoded', () => describeWitnesses(paramValuesEncoded, witnesses))
