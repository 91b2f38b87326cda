import { Redactor } from '../../src/recording/redactor.js'
import { collectSecrets } from '../../src/recording/collect-secrets.js'
import { encodeExchange } from '../../src/recording/exchange-codec.js'
import { describe, expect, it } from 'vitest'
import { headersAlwaysSent } from './property.js'
import { config, trialOf } from '../../test/helpers/trials.js'

const cfg = config({ headers: { 'X-API-Key': 'k1', Authorization: 'Bearer t1' } })
const both: Array<[string, string]> = [
  ['x-api-key', 'k1'],
  ['authorization', 'Bearer t1'],
]

describe('headers-always-sent', () => {
  it('holds when every endpoint request carries every header, whatever the letter case', () => {
    const trial = trialOf(cfg, [
      { method: 'POST', url: 'http://mcp.test/mcp', requestHeaders: both },
      {
        method: 'GET',
        url: 'http://mcp.test/mcp/',
        requestHeaders: [
          ['X-Api-Key', 'k1'],
          ['AUTHORIZATION', 'Bearer t1'],
        ],
      },
      { method: 'GET', url: 'http://mcp.test/.well-known/oauth-protected-resource/mcp' },
    ])
    expect(headersAlwaysSent.exercised(trial)).toBe(true)
    expect(headersAlwaysSent.check(trial)).toEqual([])
  })

  it('names the request that lacks a header, carries it twice, or with another value', () => {
    const trial = trialOf(cfg, [
      { method: 'POST', url: 'http://mcp.test/mcp', requestHeaders: both },
      { method: 'GET', url: 'http://mcp.test/mcp', requestHeaders: [['authorization', 'Bearer t1']] },
      {
        method: 'POST',
        url: 'http://mcp.test/mcp',
        requestHeaders: [
          ['x-api-key', 'k1'],
          ['authorization', 'Bearer t1, Bearer t1'],
        ],
      },
      {
        method: 'DELETE',
        url: 'http://mcp.test/mcp?x=1',
        requestHeaders: [
          ['x-api-key', 'k2'],
          ['authorization', 'Bearer t1'],
        ],
      },
    ])
    expect(headersAlwaysSent.check(trial).map((v) => v.message)).toEqual([
      'request #2 GET http://mcp.test/mcp lacked configured header X-API-Key',
      'request #3 POST http://mcp.test/mcp carried configured header Authorization 2 times, merged into one value "Bearer t1, Bearer t1"',
      'request #4 DELETE http://mcp.test/mcp?x=1 carried configured header X-API-Key with a value other than the configured one: sent "k2" where "k1" is configured',
    ])
  })

  it('names the values a header was merged with, and a report shows each as its own placeholder', () => {
    const secretCfg = config({ headers: { Authorization: 'Bearer configured-token-1' } })
    const trial = trialOf(secretCfg, [
      {
        method: 'POST',
        url: 'http://mcp.test/mcp',
        requestHeaders: [['authorization', 'Bearer configured-token-1, Bearer someone-elses-token']],
      },
    ])
    const [violation] = headersAlwaysSent.check(trial)
    expect(violation!.message).toBe(
      'request #1 POST http://mcp.test/mcp carried configured header Authorization merged with "Bearer someone-elses-token": sent "Bearer configured-token-1, Bearer someone-elses-token" where "Bearer configured-token-1" is configured',
    )
    const redactor = new Redactor()
    collectSecrets(secretCfg, trial.exchanges.map(encodeExchange), redactor)
    expect(redactor.apply(violation!.message)).toBe(
      'request #1 POST http://mcp.test/mcp carried configured header Authorization merged with "Bearer <redacted:Authorization#2>": sent "Bearer <redacted:Authorization#1>, Bearer <redacted:Authorization#2>" where "Bearer <redacted:Authorization#1>" is configured',
    )
  })

  it('covers the legacy POST endpoint announced in the endpoint event, relative or absolute', () => {
    const sse = config({ transport: 'sse', url: 'http://mcp.test/sse', headers: { 'X-API-Key': 'k1' } })
    const trial = trialOf(sse, [
      {
        method: 'GET',
        url: 'http://mcp.test/sse',
        requestHeaders: [['x-api-key', 'k1']],
        events: [{ event: 'endpoint', data: '/messages?sessionId=1', atMs: 0 }],
      },
      { method: 'POST', url: 'http://mcp.test/messages?sessionId=1', requestHeaders: [] },
      { method: 'POST', url: 'http://other.test/unrelated' },
    ])
    expect(headersAlwaysSent.check(trial)).toEqual([
      {
        property: 'headers-always-sent',
        exchange: 2,
        message: 'request #2 POST http://mcp.test/messages?sessionId=1 lacked configured header X-API-Key',
      },
    ])
  })

  it('is not exercised without configured headers or without endpoint requests', () => {
    expect(headersAlwaysSent.exercised(trialOf(config({ headers: {} }), [{ method: 'POST', url: 'http://mcp.test/mcp' }]))).toBe(
      false,
    )
    expect(headersAlwaysSent.exercised(trialOf(cfg, [{ method: 'GET', url: 'http://mcp.test/.well-known/x' }]))).toBe(false)
  })
})

describe('headers-always-sent with a redacted config (a recording)', () => {
  it('checks presence only: any value matches a placeholder, absence is still a violation', () => {
    const redacted = config({ headers: { 'X-API-Key': '<redacted:X-API-Key#1>' } })
    const trial = trialOf(redacted, [
      { method: 'POST', url: 'http://mcp.test/mcp', requestHeaders: [['x-api-key', 'the-real-key']] },
      { method: 'GET', url: 'http://mcp.test/mcp', requestHeaders: [] },
    ])
    expect(headersAlwaysSent.check(trial).map((v) => v.exchange)).toEqual([2])
  })
})
