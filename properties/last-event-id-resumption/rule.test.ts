import { describe, expect, it } from 'vitest'
import { lastEventIdResumption } from './property.js'
import { config, trialOf } from '../../test/helpers/trials.js'

const URL = 'http://mcp.test/mcp'
const init = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: {} })
const stream = { method: 'GET', url: URL, events: [{ id: 'event-1', data: '{}', atMs: 0 }] }

describe('last-event-id-resumption', () => {
  // mcp-remote 0.15 (http-first) GETs the URL for the legacy transport's endpoint event before it
  // initializes: such a GET belongs to no session, and the next one is no resumption of it.
  it('a GET before any initialize is a transport probe, not a session stream to resume', () => {
    const probes = trialOf(config(), [stream, { method: 'GET', url: URL }, { method: 'POST', url: URL, requestBody: init }])
    expect(lastEventIdResumption.exercised(probes)).toBe(false)
    const session = trialOf(config(), [{ method: 'POST', url: URL, requestBody: init }, stream, { method: 'GET', url: URL }])
    expect(lastEventIdResumption.check(session).map((v) => v.exchange)).toEqual([3])
  })

  it('a new initialize between two GETs starts a new session: its first GET resumes nothing', () => {
    const restarted = trialOf(config(), [
      { method: 'POST', url: URL, requestBody: init },
      stream,
      { method: 'POST', url: URL, requestBody: init },
      { method: 'GET', url: URL },
    ])
    expect(lastEventIdResumption.exercised(restarted)).toBe(false)
  })
})
