import { describe, expect, it } from 'vitest'
import { PROPERTIES, prmDiscoveryOrder, resourceParameter, tokenInAuthorizationHeader } from '../../properties/index.js'
import { judge } from '../../src/property/judge.js'
import { specReferences } from '../../src/property/spec-references.js'
import { config, scenario, trialOf } from '../helpers/trials.js'

/** A 401 without resource_metadata followed by a root-only PRM probe: wrong order under 2025-11-25. */
function rootOnlyProbe(protocolVersions: Array<'2025-03-26' | '2025-06-18' | '2025-11-25'>) {
  const trial = trialOf(config(), [
    { method: 'POST', url: 'http://mcp.test/mcp', status: 401, responseHeaders: [['www-authenticate', 'Bearer']] },
    { method: 'GET', url: 'http://mcp.test/.well-known/oauth-protected-resource', status: 404 },
  ])
  return { ...trial, scenario: scenario({ protocolVersions }) }
}

describe('rules apply from the spec version that introduced them (the one judge applies `since`)', () => {
  it('prm-discovery-order (2025-11-25) judges a server that speaks 2025-11-25, not one that speaks only older versions', () => {
    expect(judge(prmDiscoveryOrder, rootOnlyProbe(['2025-06-18', '2025-11-25'])).violations).toHaveLength(1)
    expect(judge(prmDiscoveryOrder, rootOnlyProbe(['2025-03-26', '2025-06-18'])).verdict).toBe('not-exercised')
    expect(judge(prmDiscoveryOrder, rootOnlyProbe(['2025-03-26'])).violations).toEqual([])
  })

  it('resource-parameter (2025-06-18) is not exercised against a 2025-03-26-only server', () => {
    expect(judge(resourceParameter, rootOnlyProbe(['2025-03-26'])).verdict).toBe('not-exercised')
  })
})

describe('spec references are typed, with a URL each', () => {
  // Failed before: its version was free text ("2025-03-26 … 2025-11-25") and produced no reference at all.
  it('token-in-authorization-header names each version it is stated in', () => {
    expect(specReferences(tokenInAuthorizationHeader.source).map((r) => r.url)).toEqual([
      'https://modelcontextprotocol.io/specification/2025-03-26/basic/authorization',
      'https://modelcontextprotocol.io/specification/2025-06-18/basic/authorization',
      'https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization',
    ])
  })

  it('every spec property has references with URLs, from its `since` on', () => {
    for (const property of PROPERTIES) {
      if (property.source.kind !== 'spec') continue
      const { since, references } = property.source
      expect(references.length, property.id).toBeGreaterThan(0)
      expect(references[0]!.version, property.id).toBe(since)
      for (const reference of references)
        expect(reference.url, property.id).toMatch(/^https:\/\/modelcontextprotocol\.io\/specification\/\d{4}-\d{2}-\d{2}\//)
    }
  })
})
