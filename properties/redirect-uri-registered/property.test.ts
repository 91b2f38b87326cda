// Proof that `redirect-uri-registered` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { redirectUriRegistered } from './property.js'
import { witnesses } from './witnesses.js'

describe('redirect-uri-registered', () => describeWitnesses(redirectUriRegistered, witnesses))
