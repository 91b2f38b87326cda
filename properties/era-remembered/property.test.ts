// Proof that `era-remembered` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { eraRemembered } from './property.js'
import { witnesses } from './witnesses.js'

describe('era-remembered', () => describeWitnesses(eraRemembered, witnesses))
