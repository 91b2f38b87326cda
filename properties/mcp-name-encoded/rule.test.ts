import { describe, expect, it } from 'vitest'
import { mcpNameEncoded } from './property.js'
import { config, trialOf } from '../../test/helpers/trials.js'

const url = 'http://mcp.test/mcp'
const call = (name: string) =>
  JSON.stringify({
    jsonrpc: '2.0',
    id: 3,
    method: 'tools/call',
    params: { name, arguments: {}, _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' } },
  })
const named = (name: string, header: string) => ({
  method: 'POST',
  url,
  requestBody: call(name),
  requestHeaders: [['mcp-name', header]] as Array<[string, string]>,
})

describe('mcp-name-encoded', () => {
  it("takes the spec's examples: non-ASCII, padded and sentinel-looking names go Base64-encoded", () => {
    const good = trialOf(config(), [
      named('Hello, 世界', '=?base64?SGVsbG8sIOS4lueVjA==?='),
      named(' padded ', '=?base64?IHBhZGRlZCA=?='),
      named('=?base64?literal?=', '=?base64?PT9iYXNlNjQ/bGl0ZXJhbD89?='),
    ])
    expect(mcpNameEncoded.exercised(good)).toBe(true)
    expect(mcpNameEncoded.check(good)).toEqual([])
  })

  it('blames a raw name, a sentinel with other text, and markers in the wrong case', () => {
    const bad = trialOf(config(), [
      named('météo', 'météo'),
      named('météo', '=?base64?bWV0ZW8=?='),
      named('météo', '=?BASE64?bcOpdMOpbw==?='),
    ])
    expect(mcpNameEncoded.check(bad).map((v) => v.exchange)).toEqual([1, 2, 3])
  })

  it('does not judge a plain ASCII name, nor a missing header (modern-request-headers judges that)', () => {
    const plain = trialOf(config(), [named('echo', 'echo'), { method: 'POST', url, requestBody: call('météo') }])
    expect(mcpNameEncoded.exercised(plain)).toBe(false)
    expect(mcpNameEncoded.check(plain)).toEqual([])
  })
})
