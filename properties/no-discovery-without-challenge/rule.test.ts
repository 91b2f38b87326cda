import { describe, expect, it } from 'vitest'
import { noDiscoveryWithoutChallenge } from './property.js'
import { config, trialOf } from '../../test/helpers/trials.js'

const cfg = config()
const WK = 'http://mcp.test/.well-known/oauth-protected-resource/mcp'

describe('no-discovery-without-challenge', () => {
  it('holds when discovery follows a 401 from the MCP endpoint', () => {
    const trial = trialOf(cfg, [
      { method: 'POST', url: 'http://mcp.test/mcp', status: 401 },
      { method: 'GET', url: WK, status: 404 },
      { method: 'POST', url: 'http://auth.test/register', status: 404 },
    ])
    expect(noDiscoveryWithoutChallenge.check(trial)).toEqual([])
  })

  it('flags discovery with no 401 at all, in every placement of the well-known URIs and OAuth endpoints', () => {
    const urls = [
      WK,
      'http://mcp.test/.well-known/oauth-authorization-server',
      'http://mcp.test/sse/.well-known/openid-configuration',
      'http://auth.test/register',
      'http://auth.test/authorize?x=1',
      'http://auth.test/oauth/token',
    ]
    const trial = trialOf(cfg, [
      { method: 'POST', url: 'http://mcp.test/mcp', status: 200 },
      ...urls.map((url) => ({ method: 'GET', url, status: 404 })),
    ])
    const violations = noDiscoveryWithoutChallenge.check(trial)
    expect(violations.map((v) => v.exchange)).toEqual([2, 3, 4, 5, 6, 7])
    expect(violations[0]!.message).toBe(`request #2 GET ${WK} is OAuth discovery, but the MCP server never answered 401`)
  })

  it('flags discovery sent before the 401 had arrived, even if the request that got it went first', () => {
    const trial = trialOf(cfg, [
      { method: 'POST', url: 'http://mcp.test/mcp', status: 401, requestTick: 1, responseTick: 3 },
      { method: 'GET', url: WK, status: 404, requestTick: 2, responseTick: 4 },
    ])
    expect(noDiscoveryWithoutChallenge.check(trial)[0]!.message).toContain(
      'had not yet answered 401 (its first challenge was the response to #1)',
    )
  })

  it('does not count a plain 403, or a 401 from somewhere other than the MCP endpoint, as a challenge', () => {
    const plain403 = trialOf(cfg, [
      { method: 'POST', url: 'http://mcp.test/mcp', status: 403 },
      { method: 'GET', url: WK, status: 404 },
    ])
    expect(noDiscoveryWithoutChallenge.check(plain403)).toHaveLength(1)
    const elsewhere = trialOf(cfg, [
      { method: 'GET', url: 'http://mcp.test/health', status: 401 },
      { method: 'GET', url: WK, status: 404 },
    ])
    expect(noDiscoveryWithoutChallenge.check(elsewhere)).toHaveLength(1)
  })

  it('accepts a 403 with insufficient_scope as a challenge', () => {
    const trial = trialOf(cfg, [
      {
        method: 'POST',
        url: 'http://mcp.test/mcp',
        status: 403,
        responseHeaders: [['www-authenticate', 'Bearer error="insufficient_scope", scope="x"']],
      },
      { method: 'GET', url: WK, status: 404 },
    ])
    expect(noDiscoveryWithoutChallenge.check(trial)).toEqual([])
  })
})
