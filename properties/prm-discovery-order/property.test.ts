// Proof that `prm-discovery-order` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { prmDiscoveryOrder } from './property.js'
import { witnesses } from './witnesses.js'

describe('prm-discovery-order', () => describeWitnesses(prmDiscoveryOrder, witnesses))
