import { describe, expect, it } from 'vitest'
import { mcpEndpointExchanges } from '../src/traffic/mcp-endpoint.js'
import { config, exchange } from './helpers/trials.js'

describe('which exchanges are MCP endpoint requests', () => {
  // Found with go-sdk 1.8.0 on `http://host/?v=2&region=eu`: it registered at `/?v=2&region=eu/register`,
  // and protocol-version-header blamed it for lacking MCP-Protocol-Version (a transport verdict on an OAuth request).
  it('a JSON POST that is not JSON-RPC is not an MCP request even on the endpoint path', () => {
    const cfg = config({ url: 'http://mcp.test/?v=2&region=eu' })
    const rpc = exchange({
      seq: 1,
      method: 'POST',
      url: 'http://mcp.test/?v=2&region=eu',
      requestBody: '{"jsonrpc":"2.0","id":1,"method":"ping"}',
    })
    const batch = exchange({ seq: 2, method: 'POST', url: 'http://mcp.test/', requestBody: '[{"jsonrpc":"2.0","method":"x"}]' })
    const register = exchange({
      seq: 3,
      method: 'POST',
      url: 'http://mcp.test/?v=2&region=eu/register',
      requestBody: '{"redirect_uris":["http://127.0.0.1/cb"]}',
    })
    const garbage = exchange({ seq: 4, method: 'POST', url: 'http://mcp.test/', requestBody: 'not json' })
    const stream = exchange({ seq: 5, method: 'GET', url: 'http://mcp.test/?v=2&region=eu' })
    // go-sdk 1.8.0's authorization request on the same URL: accept-headers and headers-always-sent blamed it.
    const authorize = exchange({ seq: 6, method: 'GET', url: 'http://mcp.test/?v=2&region=eu/authorize&client_id=c' })
    expect(mcpEndpointExchanges(cfg, [rpc, batch, register, garbage, stream, authorize]).map((e) => e.seq)).toEqual([1, 2, 4, 5])
  })
})
