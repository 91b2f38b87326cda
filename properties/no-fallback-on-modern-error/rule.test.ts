import { describe, expect, it } from 'vitest'
import { noFallbackOnModernError } from './property.js'
import { config, trialOf } from '../../test/helpers/trials.js'

const url = 'http://mcp.test/mcp'
const discover = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'server/discover',
  params: { _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' } },
})
const initialize = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'initialize', params: { protocolVersion: '2025-11-25' } })
const error = (code: number, data?: object) =>
  JSON.stringify({ jsonrpc: '2.0', id: 1, error: { code, message: 'no', ...(data ? { data } : {}) } })
const refused = (responseBody: string) => ({ method: 'POST', url, requestBody: discover, status: 400, responseBody })

describe('no-fallback-on-modern-error', () => {
  it('blames an initialize or a GET after a 400 whose body is a modern error', () => {
    const mismatch = trialOf(config(), [refused(error(-32020)), { method: 'POST', url, requestBody: initialize }])
    expect(noFallbackOnModernError.check(mismatch).map((v) => v.exchange)).toEqual([2])
    const unsupported = trialOf(config(), [
      refused(error(-32022, { supported: ['2026-07-28', '2025-11-25'] })),
      { method: 'GET', url },
    ])
    expect(noFallbackOnModernError.check(unsupported).map((v) => v.exchange)).toEqual([2])
  })

  it('takes a corrected retry, or giving up, as right', () => {
    const retried = trialOf(config(), [
      refused(error(-32022, { supported: ['2026-07-28'] })),
      { method: 'POST', url, requestBody: discover },
    ])
    expect(noFallbackOnModernError.exercised(retried)).toBe(true)
    expect(noFallbackOnModernError.check(retried)).toEqual([])
    expect(noFallbackOnModernError.check(trialOf(config(), [refused(error(-32021))]))).toEqual([])
  })

  // The spec's fallback rows: an empty body, or one that is no modern error, is a legacy server.
  it('does not judge a 400 that says nothing of the era', () => {
    for (const body of ['', 'Bad Request', error(-32000), error(-32022, { supported: ['2025-11-25'] })]) {
      const trial = trialOf(config(), [refused(body), { method: 'POST', url, requestBody: initialize }])
      expect(noFallbackOnModernError.exercised(trial), body).toBe(false)
    }
  })
})
