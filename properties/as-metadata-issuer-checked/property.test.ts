// Proof that `as-metadata-issuer-checked` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { asMetadataIssuerChecked } from './property.js'
import { witnesses } from './witnesses.js'

describe('as-metadata-issuer-checked', () => describeWitnesses(asMetadataIssuerChecked, witnesses))
