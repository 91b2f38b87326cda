// Proof that `authorization-server-binding` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { authorizationServerBinding } from './property.js'
import { witnesses } from './witnesses.js'

describe('authorization-server-binding', () => describeWitnesses(authorizationServerBinding, witnesses))
