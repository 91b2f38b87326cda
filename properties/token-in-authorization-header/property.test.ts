// Proof that `token-in-authorization-header` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { tokenInAuthorizationHeader } from './property.js'
import { witnesses } from './witnesses.js'

describe('token-in-authorization-header', () => describeWitnesses(tokenInAuthorizationHeader, witnesses))
