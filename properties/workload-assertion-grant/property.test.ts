// Proof that `workload-assertion-grant` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { workloadAssertionGrant } from './property.js'
import { witnesses } from './witnesses.js'

describe('workload-assertion-grant', () => describeWitnesses(workloadAssertionGrant, witnesses))
