// Proof that `pkce-s256` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { pkceS256 } from './property.js'
import { witnesses } from './witnesses.js'

describe('pkce-s256', () => describeWitnesses(pkceS256, witnesses))
