// Proof that `client-authentication-as-configured` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { clientAuthenticationAsConfigured } from './property.js'
import { witnesses } from './witnesses.js'

describe('client-authentication-as-configured', () => describeWitnesses(clientAuthenticationAsConfigured, witnesses))
