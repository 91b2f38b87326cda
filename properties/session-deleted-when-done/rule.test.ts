import { describe, expect, it } from 'vitest'
import { sessionDeletedWhenDone } from './property.js'
import { config, trialOf } from '../../test/helpers/trials.js'
import type { Trial } from '../../src/core/trial.js'

const url = 'http://mcp.test/mcp'
const init = (id: string) => ({
  method: 'POST',
  url,
  requestBody: '{"jsonrpc":"2.0","id":1,"method":"initialize"}',
  responseHeaders: [['mcp-session-id', id]] as Array<[string, string]>,
})
const withId = (method: string, id: string, status = 200) => ({
  method,
  url,
  status,
  requestHeaders: [['mcp-session-id', id]] as Array<[string, string]>,
})

describe('session-deleted-when-done', () => {
  it('blames a finished session never deleted; a DELETE answered 405 is fine', () => {
    const left = trialOf(config(), [init('s1'), withId('POST', 's1')])
    expect(sessionDeletedWhenDone.check(left).map((v) => v.exchange)).toEqual([1])
    const refused = trialOf(config(), [init('s1'), withId('POST', 's1'), withId('DELETE', 's1', 405)])
    expect(sessionDeletedWhenDone.check(refused)).toEqual([])
  })

  it('judges the last session of a client that finished, not one the server forgot, nor a client that did not finish', () => {
    const renewed = trialOf(config(), [init('s1'), init('s2'), withId('DELETE', 's2')])
    expect(sessionDeletedWhenDone.check(renewed)).toEqual([])
    const forgotten = trialOf(config(), [init('s1'), withId('POST', 's1', 404)])
    expect(sessionDeletedWhenDone.exercised(forgotten)).toBe(false)
    const crashed: Trial = { ...trialOf(config(), [init('s1')]), outcome: { kind: 'client-error', message: 'boom' } }
    expect(sessionDeletedWhenDone.exercised(crashed)).toBe(false)
  })
})
