// Proof that `protocol-version-header` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { protocolVersionHeader } from './property.js'
import { witnesses } from './witnesses.js'

describe('protocol-version-header', () => describeWitnesses(protocolVersionHeader, witnesses))
