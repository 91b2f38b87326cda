import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { resourceMetadataOf, scopeOf } from '../src/traffic/oauth-flow.js'
import { challengeParam, isInsufficientScope, parseChallenges, type Challenge } from '../src/spec/www-authenticate.js'

describe('parseChallenges (RFC 9110 §11.6.1)', () => {
  it('reads token and quoted-string values: `Bearer scope=mcp:admin` is a scope', () => {
    expect(parseChallenges('Bearer scope=mcp:admin')).toEqual([{ scheme: 'bearer', params: { scope: 'mcp:admin' } }])
    expect(parseChallenges('Bearer realm="a \\"b\\" c", error=insufficient_scope')).toEqual([
      { scheme: 'bearer', params: { realm: 'a "b" c', error: 'insufficient_scope' } },
    ])
  })

  // The regexes this replaced read `scope="…"` from whichever challenge had it, and missed it unquoted.
  it('gives each parameter to its own challenge, with several challenges in one header', () => {
    const header =
      'Basic realm="legacy", scope="basic-only", Bearer resource_metadata="https://r/.well-known/x", scope="mcp:read"'
    expect(parseChallenges(header)).toEqual([
      { scheme: 'basic', params: { realm: 'legacy', scope: 'basic-only' } },
      { scheme: 'bearer', params: { resource_metadata: 'https://r/.well-known/x', scope: 'mcp:read' } },
    ])
    expect(challengeParam(header, 'scope')).toBe('mcp:read')
    expect(challengeParam('Bearer realm="x", Basic scope="basic-only"', 'scope')).toBeUndefined()
    expect(challengeParam('DPoP scope="a"', 'scope')).toBe('a')
  })

  it('reads token68 credentials, bare schemes, and survives garbage', () => {
    expect(parseChallenges('Negotiate abc+/=, Basic, Bearer')).toEqual([
      { scheme: 'negotiate', params: {}, token68: 'abc+/=' },
      { scheme: 'basic', params: {} },
      { scheme: 'bearer', params: {} },
    ])
    expect(parseChallenges(undefined)).toEqual([])
    expect(parseChallenges(' , ,')).toEqual([])
    expect(() => parseChallenges('Bearer realm="unterminated, =,"=')).not.toThrow()
    const [odd] = parseChallenges('Bearer __proto__="x", constructor=y')
    expect(Object.keys(odd!.params)).toEqual(['__proto__', 'constructor'])
    expect(challengeParam('Bearer realm="x"', 'constructor')).toBeUndefined()
  })

  const token = fc.stringMatching(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,12}$/)
  const quotable = fc.string({ unit: fc.constantFrom(...' !"#\\:/,;=abcXYZ019'.split('')), maxLength: 16 })
  const param = fc.tuple(token, fc.oneof(token, quotable), fc.boolean())
  const challenge = fc.oneof(
    fc.record({ scheme: token, params: fc.uniqueArray(param, { selector: ([name]) => name.toLowerCase(), maxLength: 4 }) }),
    fc.record({ scheme: token, token68: fc.stringMatching(/^[A-Za-z0-9\-._~+/]{1,12}={0,2}$/) }),
  )

  function serialize(c: { scheme: string; params?: Array<[string, string, boolean]>; token68?: string }): string {
    if (c.token68) return `${c.scheme} ${c.token68}`
    const params = (c.params ?? []).map(([name, value, quote]) =>
      quote || !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(value)
        ? `${name}="${value.replace(/["\\]/g, '\\$&')}"`
        : `${name}=${value}`,
    )
    return params.length ? `${c.scheme} ${params.join(', ')}` : c.scheme
  }

  test.prop([fc.array(challenge, { minLength: 1, maxLength: 4 })])('round-trips any serialized list of challenges', (list) => {
    const expected: Challenge[] = list.map((c) =>
      'token68' in c
        ? { scheme: c.scheme.toLowerCase(), params: {}, token68: c.token68 }
        : { scheme: c.scheme.toLowerCase(), params: Object.fromEntries(c.params.map(([n, v]) => [n.toLowerCase(), v])) },
    )
    expect(parseChallenges(list.map(serialize).join(', '))).toEqual(expected)
  })
})

// Each of these failed with the regexes the judge used before (`scope="…"` anywhere in the header,
// `resource_metadata="…"` quoted only, `insufficient_scope` anywhere).
describe('the judge reads challenges with the parser', () => {
  it('scope: unquoted, and only from the Bearer challenge', () => {
    expect(scopeOf('Bearer error="insufficient_scope", scope=mcp:admin')).toBe('mcp:admin')
    expect(scopeOf('Basic realm="x", scope="basic-only", Bearer realm="mcp"')).toBeUndefined()
  })

  it('resource_metadata: unquoted too', () => {
    expect(resourceMetadataOf('Bearer resource_metadata=https://r.example/prm')).toBe('https://r.example/prm')
  })

  it('insufficient_scope: only as the Bearer error, not as text elsewhere', () => {
    expect(isInsufficientScope('Bearer error=insufficient_scope')).toBe(true)
    expect(isInsufficientScope('Bearer error="invalid_token", error_description="not insufficient_scope"')).toBe(false)
  })
})
