// Proof that `mcp-name-encoded` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { mcpNameEncoded } from './property.js'
import { witnesses } from './witnesses.js'

describe('mcp-name-encoded', () => describeWitnesses(mcpNameEncoded, witnesses))
