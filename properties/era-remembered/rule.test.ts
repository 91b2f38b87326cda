import { describe, expect, it } from 'vitest'
import { eraRemembered } from './property.js'
import { config, trialOf } from '../../test/helpers/trials.js'

const url = 'http://mcp.test/mcp'
const META = { _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' } }
const post = (method: string, params: object = {}) => JSON.stringify({ jsonrpc: '2.0', id: 1, method, params })
const probe = { method: 'POST', url, requestBody: post('server/discover', META) }
const initialize = { method: 'POST', url, requestBody: post('initialize', { protocolVersion: '2025-11-25' }) }
const legacyList = { method: 'POST', url, requestBody: post('tools/list') }
const modernList = { method: 'POST', url, requestBody: post('tools/list', META) }

describe('era-remembered', () => {
  it('blames a second probe of a server the first session found legacy', () => {
    const trial = trialOf(config(), [{ ...probe, status: 400 }, initialize, legacyList, { ...probe, status: 400 }, initialize])
    expect(eraRemembered.exercised(trial)).toBe(true)
    expect(eraRemembered.check(trial).map((v) => v.exchange)).toEqual([4])
  })

  it('blames an initialize to a server found modern, and takes sessions that keep the era', () => {
    const forgot = trialOf(config(), [probe, modernList, initialize])
    expect(eraRemembered.check(forgot).map((v) => v.exchange)).toEqual([3])
    const kept = trialOf(config(), [{ ...probe, status: 400 }, initialize, legacyList, initialize, legacyList])
    expect(eraRemembered.exercised(kept)).toBe(true)
    expect(eraRemembered.check(kept)).toEqual([])
  })

  // A client that never probes (a 2025-era one) has no era to remember; one session has nothing to repeat.
  it('does not judge a client that never probed, nor a single session', () => {
    expect(eraRemembered.exercised(trialOf(config(), [initialize, legacyList, initialize]))).toBe(false)
    expect(eraRemembered.exercised(trialOf(config(), [{ ...probe, status: 400 }, initialize, legacyList]))).toBe(false)
    expect(eraRemembered.exercised(trialOf(config(), [{ ...probe, status: 401 }, probe, modernList]))).toBe(false)
  })
})
