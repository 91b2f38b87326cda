// Proof that `messages-to-mcp-endpoint` can fail: its faulty reference clients are caught, shrunk, and blame nothing else.
import { describe } from 'vitest'
import { describeWitnesses } from '../../test/helpers/witnesses.js'
import { messagesToMcpEndpoint } from './property.js'
import { witnesses } from './witnesses.js'

describe('messages-to-mcp-endpoint', () => describeWitnesses(messagesToMcpEndpoint, witnesses))
