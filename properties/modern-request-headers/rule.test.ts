import { describe, expect, it } from 'vitest'
import { modernRequestHeaders } from './property.js'
import { config, trialOf } from '../../test/helpers/trials.js'

const modernCall = JSON.stringify({
  jsonrpc: '2.0',
  id: 2,
  method: 'tools/list',
  params: { _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' } },
})

describe('modern-request-headers', () => {
  // go-sdk 1.8.0 puts a 2026-07-28 `_meta` in its POSTs over the legacy SSE transport; the headers
  // belong to Streamable HTTP, so that trial is not this rule's to judge.
  it('judges Streamable HTTP only: a modern body over HTTP+SSE without the headers is not exercised', () => {
    const sse = trialOf(config({ transport: 'sse', url: 'http://mcp.test/sse' }), [
      { method: 'POST', url: 'http://mcp.test/sse?sessionId=1', requestBody: modernCall },
    ])
    expect(modernRequestHeaders.exercised(sse)).toBe(false)
    const streamable = trialOf(config(), [{ method: 'POST', url: 'http://mcp.test/mcp', requestBody: modernCall }])
    expect(modernRequestHeaders.exercised(streamable)).toBe(true)
    expect(modernRequestHeaders.check(streamable).length).toBeGreaterThan(0)
  })
})
