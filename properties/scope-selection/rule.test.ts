import { describe, expect, it } from 'vitest'
import { scopeSelection } from './property.js'
import { config, trialOf } from '../../test/helpers/trials.js'

const challenge = (scope: string) =>
  [
    ['www-authenticate', `Bearer resource_metadata="http://mcp.test/.well-known/oauth-protected-resource/mcp", scope="${scope}"`],
  ] as Array<[string, string]>
const initialize = '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}'

describe('scope-selection', () => {
  it('judges the first authorization request by the 401 answered before it, never by a later one', () => {
    const trial = trialOf(config(), [
      {
        method: 'POST',
        url: 'http://mcp.test/mcp',
        requestBody: initialize,
        status: 401,
        responseHeaders: challenge('mcp:read'),
      },
      { method: 'GET', url: 'http://as.test/authorize?scope=mcp%3Aread&response_type=code', status: 302 },
      // The new token is refused later with another scope: not what chose the first request's scope.
      {
        method: 'POST',
        url: 'http://mcp.test/mcp',
        requestBody: initialize,
        status: 401,
        responseHeaders: challenge('mcp:admin'),
      },
    ])
    expect(scopeSelection.check(trial)).toEqual([])
  })

  it('is not exercised when every 401 came after the first authorization request', () => {
    const trial = trialOf(config(), [
      { method: 'GET', url: 'http://as.test/authorize?scope=x&response_type=code', status: 302 },
      {
        method: 'POST',
        url: 'http://mcp.test/mcp',
        requestBody: initialize,
        status: 401,
        responseHeaders: challenge('mcp:read'),
      },
    ])
    expect(scopeSelection.exercised(trial)).toBe(false)
  })

  it('names the 401 scope it expected when the request asked for another', () => {
    const trial = trialOf(config(), [
      {
        method: 'POST',
        url: 'http://mcp.test/mcp',
        requestBody: initialize,
        status: 401,
        responseHeaders: challenge('mcp:read'),
      },
      { method: 'GET', url: 'http://as.test/authorize?scope=mcp%3Aadmin&response_type=code', status: 302 },
    ])
    expect(scopeSelection.check(trial).map((v) => v.message)).toEqual([
      'authorization request #2 asked for scope "mcp:admin", expected "mcp:read" (the 401\'s scope)',
    ])
  })
})
