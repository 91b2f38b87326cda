// Proof that `metadata-before-default-endpoints` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { metadataBeforeDefaultEndpoints } from './property.js'
import { witnesses } from './witnesses.js'

describe('metadata-before-default-endpoints', () => describeWitnesses(metadataBeforeDefaultEndpoints, witnesses))
