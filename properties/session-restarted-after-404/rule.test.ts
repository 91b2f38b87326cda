import { describe, expect, it } from 'vitest'
import { sessionRestartedAfter404 } from './property.js'
import { config, trialOf } from '../../test/helpers/trials.js'

const URL = 'http://mcp.test/mcp'
const initialize = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: {} })
const call = JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'echo' } })
const withSession = (id: string) => [['mcp-session-id', id]] as Array<[string, string]>

/** A session s1, then a tools/call the server answers 404 (it forgot s1), then `after`. */
function expired(...after: Parameters<typeof trialOf>[1]) {
  return trialOf(config(), [
    { method: 'POST', url: URL, requestBody: initialize, responseHeaders: withSession('s1') },
    { method: 'POST', url: URL, requestBody: call, requestHeaders: withSession('s1'), status: 404 },
    ...after,
  ])
}

describe('session-restarted-after-404', () => {
  it('holds when the next POST is an initialize without a session id, and the new session goes on', () => {
    const trial = expired(
      { method: 'POST', url: URL, requestBody: initialize, responseHeaders: withSession('s2') },
      { method: 'POST', url: URL, requestBody: call, requestHeaders: withSession('s2') },
    )
    expect(sessionRestartedAfter404.exercised(trial)).toBe(true)
    expect(sessionRestartedAfter404.check(trial)).toEqual([])
  })

  it('is violated by a client that stops at the 404 (the bundled SDKs), by one that reuses the dead id, and by an initialize that carries it', () => {
    expect(sessionRestartedAfter404.check(expired())[0]?.message).toMatch(/sent no new initialize/)
    const reused = expired({ method: 'POST', url: URL, requestBody: call, requestHeaders: withSession('s1'), status: 404 })
    expect(sessionRestartedAfter404.check(reused).map((v) => v.exchange)).toEqual([3])
    const carried = expired({ method: 'POST', url: URL, requestBody: initialize, requestHeaders: withSession('s0') })
    expect(sessionRestartedAfter404.check(carried)[0]?.message).toMatch(/carried a session id/)
    const other = expired({ method: 'POST', url: URL, requestBody: call })
    expect(sessionRestartedAfter404.check(other)[0]?.message).toMatch(/was not a new initialize/)
  })

  it('leaves a 404 to a DELETE, and a 404 without a session id, unjudged', () => {
    const deleted = trialOf(config(), [
      { method: 'POST', url: URL, requestBody: initialize, responseHeaders: withSession('s1') },
      { method: 'DELETE', url: URL, requestHeaders: withSession('s1'), status: 404 },
    ])
    expect(sessionRestartedAfter404.exercised(deleted)).toBe(false)
    const legacy = trialOf(config(), [{ method: 'POST', url: URL, requestBody: initialize, status: 404 }])
    expect(sessionRestartedAfter404.exercised(legacy)).toBe(false)
  })
})

describe('session-restarted-after-404, on the way out', () => {
  it('a DELETE of the dead session after the 404 is not the fault: not starting a new session is', () => {
    const trial = trialOf(config(), [
      { method: 'POST', url: URL, requestBody: initialize, responseHeaders: withSession('s1') },
      { method: 'POST', url: URL, requestBody: call, requestHeaders: withSession('s1'), status: 404 },
      { method: 'DELETE', url: URL, requestHeaders: withSession('s1'), status: 404 },
    ])
    expect(sessionRestartedAfter404.check(trial).map((v) => v.message)).toEqual([
      expect.stringContaining('sent no new initialize'),
    ])
  })

  // The GET stream the SDK reopens after its own DELETE meets a 404: the client ended that session.
  it('does not take a 404 answered after the client deleted the session for a forgotten one', () => {
    const trial = trialOf(config(), [
      { method: 'POST', url: URL, requestBody: initialize, responseHeaders: withSession('s1') },
      { method: 'DELETE', url: URL, requestHeaders: withSession('s1') },
      { method: 'GET', url: URL, requestHeaders: withSession('s1'), status: 404 },
    ])
    expect(sessionRestartedAfter404.exercised(trial)).toBe(false)
  })
})
