// Proof that `client-id-metadata-preferred` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { clientIdMetadataPreferred } from './property.js'
import { witnesses } from './witnesses.js'

describe('client-id-metadata-preferred', () => describeWitnesses(clientIdMetadataPreferred, witnesses))
