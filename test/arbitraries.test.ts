import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clientConfigArbitrary } from '../src/arbitraries/client-config.js'
import { headersArbitrary } from '../src/value-arbitraries/headers.js'
import { mcpUrlArbitrary } from '../src/arbitraries/mcp-url.js'
import { scenarioPlanArbitrary } from '../src/arbitraries/scenario-plan.js'
import { resolveScenario } from '../src/scenario/resolve-scenario.js'
import type { ScenarioPlan } from '../src/core/trial-input.js'
import { config } from './helpers/trials.js'

describe('arbitraries', () => {
  it('headers: 0–5, distinct names ignoring case, Authorization always a Bearer value, values fetch keeps as is', () => {
    fc.assert(
      fc.property(headersArbitrary(), (headers) => {
        const names = Object.keys(headers).map((name) => name.toLowerCase())
        expect(names.length).toBeLessThanOrEqual(5)
        expect(new Set(names).size).toBe(names.length)
        for (const [name, value] of Object.entries(headers)) {
          if (name.toLowerCase() === 'authorization') expect(value).toMatch(/^Bearer \S{8,}$/)
          expect(new Headers({ [name]: value }).get(name)).toBe(value)
        }
      }),
    )
  })

  it('headers: generates X-API-Key, Authorization and custom names in mixed case', () => {
    const names = fc.sample(headersArbitrary(), { numRuns: 300, seed: 1 }).flatMap(Object.keys)
    expect(names.some((n) => n === 'X-API-Key')).toBe(true)
    expect(names.some((n) => n.toLowerCase() === 'authorization')).toBe(true)
    expect(names.some((n) => /^x-(?!api-key)/i.test(n))).toBe(true)
    expect(names.some((n) => n !== n.toLowerCase() && n !== n.toUpperCase() && !['X-API-Key', 'Authorization'].includes(n))).toBe(
      true,
    )
  })

  it('URLs parse and cover root, trailing slash, port and query', () => {
    const urls = fc.sample(mcpUrlArbitrary(), { numRuns: 400, seed: 2 })
    for (const url of urls) expect(() => new URL(url)).not.toThrow()
    expect(urls.some((u) => new URL(u).pathname === '/')).toBe(true)
    expect(urls.some((u) => /\/mcp\/(\?|$)/.test(u))).toBe(true)
    expect(urls.some((u) => new URL(u).port !== '')).toBe(true)
    expect(urls.some((u) => u.includes('?'))).toBe(true)
  })

  it('config transports are drawn only from what the client supports', () => {
    fc.assert(fc.property(clientConfigArbitrary(['sse']), (c) => c.transport === 'sse'))
  })
})

describe('resolveScenario', () => {
  const [plan] = fc.sample(scenarioPlanArbitrary(), { numRuns: 1, seed: 3 }) as [ScenarioPlan]
  const cfg = config({ url: 'http://mcp.test/', headers: { 'X-API-Key': 'k1', Authorization: 'Bearer t' } })
  const auth = (credential: 'configured' | 'wrong-value' | 'unconfigured', pick = 0) =>
    resolveScenario(cfg, { ...plan, auth: { kind: 'static-header', credential, pick, challenge: 'bearer-bare' } }).auth

  it('requires a configured header with its value, the same header with another value, or an unconfigured one', () => {
    expect(auth('configured', 1)).toEqual({
      kind: 'static-header',
      header: 'Authorization',
      value: 'Bearer t',
      challenge: 'bearer-bare',
    })
    expect(auth('wrong-value', 0)).toMatchObject({ header: 'X-API-Key' })
    expect(auth('wrong-value', 0)).not.toMatchObject({ value: 'k1' })
    expect(auth('unconfigured')).toMatchObject({ header: 'X-Auth-Token' })
  })

  it('puts the endpoint at the configured path, or elsewhere (root vs /mcp)', () => {
    expect(resolveScenario(cfg, { ...plan, endpoint: 'at-configured-url' }).endpointPath).toBe('/')
    expect(resolveScenario(cfg, { ...plan, endpoint: 'elsewhere' }).endpointPath).toBe('/mcp')
    expect(resolveScenario(config(), { ...plan, endpoint: 'elsewhere' }).endpointPath).toBe('/')
  })
})
