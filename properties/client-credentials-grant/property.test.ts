// Proof that `client-credentials-grant` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { clientCredentialsGrant } from './property.js'
import { witnesses } from './witnesses.js'

describe('client-credentials-grant', () => describeWitnesses(clientCredentialsGrant, witnesses))
