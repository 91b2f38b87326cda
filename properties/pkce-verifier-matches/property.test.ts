// Proof that `pkce-verifier-matches` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { pkceVerifierMatches } from './property.js'
import { witnesses } from './witnesses.js'

describe('pkce-verifier-matches', () => describeWitnesses(pkceVerifierMatches, witnesses))
