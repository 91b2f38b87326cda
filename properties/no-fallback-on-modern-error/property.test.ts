// Proof that `no-fallback-on-modern-error` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { noFallbackOnModernError } from './property.js'
import { witnesses } from './witnesses.js'

describe('no-fallback-on-modern-error', () => describeWitnesses(noFallbackOnModernError, witnesses))
