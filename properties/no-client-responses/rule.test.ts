import { describe, expect, it } from 'vitest'
import { noClientResponses } from './property.js'
import { config, trialOf } from '../../test/helpers/trials.js'

const META = { _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' } }
const discover = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'server/discover', params: META })
const initialize = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'initialize', params: { protocolVersion: '2025-11-25' } })
const pingAnswer = JSON.stringify({ jsonrpc: '2.0', id: 'ping-1', result: {} })
const url = 'http://mcp.test/mcp'

describe('no-client-responses', () => {
  it('blames a response POSTed in the modern era, alone or in a batch', () => {
    const alone = trialOf(config(), [
      { method: 'POST', url, requestBody: discover },
      { method: 'POST', url, requestBody: pingAnswer },
    ])
    expect(noClientResponses.check(alone).map((v) => v.exchange)).toEqual([2])
    const batch = trialOf(config(), [
      { method: 'POST', url, requestBody: discover },
      { method: 'POST', url, requestBody: `[${pingAnswer}]` },
    ])
    expect(noClientResponses.check(batch)).toHaveLength(1)
  })

  // A probe refused and a fallback to `initialize`: the session is legacy, where answering the server's pings is right.
  it('leaves the legacy session after a fallback alone, and a trial that never reached the era unexercised', () => {
    const fellBack = trialOf(config(), [
      { method: 'POST', url, requestBody: discover, status: 400 },
      { method: 'POST', url, requestBody: initialize },
      { method: 'POST', url, requestBody: pingAnswer },
    ])
    expect(noClientResponses.exercised(fellBack)).toBe(false)
    const modernThenLegacy = trialOf(config(), [
      { method: 'POST', url, requestBody: discover },
      { method: 'POST', url, requestBody: initialize },
      { method: 'POST', url, requestBody: pingAnswer },
    ])
    expect(noClientResponses.check(modernThenLegacy)).toEqual([])
  })
})
