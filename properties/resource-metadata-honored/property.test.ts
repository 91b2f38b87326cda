// Proof that `resource-metadata-honored` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { resourceMetadataHonored } from './property.js'
import { witnesses } from './witnesses.js'

describe('resource-metadata-honored', () => describeWitnesses(resourceMetadataHonored, witnesses))
