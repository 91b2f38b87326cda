import { describe, expect, it } from 'vitest'
import { paramHeadersMirrored } from './property.js'
import { paramValuesEncoded } from '../param-values-encoded/property.js'
import { config, trialOf } from '../../test/helpers/trials.js'

const url = 'http://mcp.test/mcp'
const META = { _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' } }
const schema = {
  type: 'object',
  properties: {
    region: { type: 'string', 'x-mcp-header': 'Region' },
    city: { type: 'string', 'x-mcp-header': 'City' },
    limit: { type: 'integer', 'x-mcp-header': 'Limit' },
    filter: { type: 'object', properties: { owner: { type: 'string', 'x-mcp-header': 'Owner' } } },
  },
}
const list = {
  method: 'POST',
  url,
  requestBody: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: META }),
  responseBody: JSON.stringify({ jsonrpc: '2.0', id: 1, result: { tools: [{ name: 'q', inputSchema: schema }] } }),
}
const call = (args: object, headers: Array<[string, string]>) => ({
  method: 'POST',
  url,
  requestBody: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'q', arguments: args, ...META } }),
  requestHeaders: headers,
})
const args = { region: 'us-west1', city: 'Zürich', filter: { owner: 'ana' } }

describe('param-headers-mirrored and param-values-encoded', () => {
  it("take the spec's form: each given value mirrored (nested too), non-ASCII Base64-encoded, none for one left out", () => {
    const good = trialOf(config(), [
      list,
      call(args, [
        ['mcp-param-region', 'us-west1'],
        ['mcp-param-city', '=?base64?WsO8cmljaA==?='],
        ['mcp-param-owner', 'ana'],
      ]),
    ])
    expect(paramHeadersMirrored.exercised(good)).toBe(true)
    expect(paramHeadersMirrored.check(good)).toEqual([])
    expect(paramValuesEncoded.exercised(good)).toBe(true)
    expect(paramValuesEncoded.check(good)).toEqual([])
  })

  it('blame a missing header, a wrong value, a header for a value left out; and a raw non-ASCII value', () => {
    const bad = trialOf(config(), [
      list,
      call(args, [
        ['mcp-param-region', 'eu-west1'],
        ['mcp-param-city', 'Zürich'],
        ['mcp-param-limit', '10'],
      ]),
    ])
    expect(paramHeadersMirrored.check(bad).map((v) => v.message.replace(/.*\(tools\/call\) /, ''))).toEqual([
      'carried mcp-param-region: eu-west1, not its argument "us-west1"',
      'carried mcp-param-limit: 10, for a parameter the call left out (the header is omitted)',
      'lacked mcp-param-owner for its argument "ana"',
    ])
    expect(paramValuesEncoded.check(bad)).toHaveLength(1)
  })
})
