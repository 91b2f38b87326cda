// Proof that `discovery-protocol-version` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { discoveryProtocolVersion } from './property.js'
import { witnesses } from './witnesses.js'

describe('discovery-protocol-version', () => describeWitnesses(discoveryProtocolVersion, witnesses))
