// Proof that `pkce-support-checked` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { pkceSupportChecked } from './property.js'
import { witnesses } from './witnesses.js'

describe('pkce-support-checked', () => describeWitnesses(pkceSupportChecked, witnesses))
