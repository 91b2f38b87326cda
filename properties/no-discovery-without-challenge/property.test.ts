// Proof that `no-discovery-without-challenge` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { noDiscoveryWithoutChallenge } from './property.js'
import { witnesses } from './witnesses.js'

describe('no-discovery-without-challenge', () => describeWitnesses(noDiscoveryWithoutChallenge, witnesses))
