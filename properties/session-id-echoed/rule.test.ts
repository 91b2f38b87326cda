import { describe, expect, it } from 'vitest'
import { sessionIdEchoed } from './property.js'
import { config, trialOf } from '../../test/helpers/trials.js'

const refused = JSON.stringify({ jsonrpc: '2.0', id: 1, error: { code: -32602, message: 'Unsupported protocol version' } })
const init = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: {} })

describe('session-id-echoed', () => {
  // java-sdk 2.1.0 against a server that refused initialize twice, with a new id each time.
  it('a session id on an error answer is no assignment; one on a result is', () => {
    const trial = trialOf(config(), [
      {
        method: 'POST',
        url: 'http://mcp.test/mcp',
        requestBody: init,
        responseBody: refused,
        responseHeaders: [['mcp-session-id', 's1']],
      },
      { method: 'DELETE', url: 'http://mcp.test/mcp', requestHeaders: [['mcp-session-id', 'other']] },
    ])
    expect(sessionIdEchoed.check(trial)).toEqual([])
    const assigned = trialOf(config(), [
      {
        method: 'POST',
        url: 'http://mcp.test/mcp',
        requestBody: init,
        responseBody: '{"jsonrpc":"2.0","id":1,"result":{}}',
        responseHeaders: [['mcp-session-id', 's1']],
      },
      { method: 'DELETE', url: 'http://mcp.test/mcp', requestHeaders: [['mcp-session-id', 'other']] },
    ])
    expect(sessionIdEchoed.check(assigned).map((v) => v.exchange)).toEqual([2])
  })
})
