// Proof that `id-jag-exchange` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { idJagExchange } from './property.js'
import { witnesses } from './witnesses.js'

describe('id-jag-exchange', () => describeWitnesses(idJagExchange, witnesses))
