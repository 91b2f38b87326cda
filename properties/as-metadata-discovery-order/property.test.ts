// Proof that `as-metadata-discovery-order` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { asMetadataDiscoveryOrder } from './property.js'
import { witnesses } from './witnesses.js'

describe('as-metadata-discovery-order', () => describeWitnesses(asMetadataDiscoveryOrder, witnesses))
