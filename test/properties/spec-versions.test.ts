import { describe, expect, it } from 'vitest'
import { prmDiscoveryOrder, resourceParameter } from '../../properties/index.js'
import { config, scenario, trialOf } from '../helpers/trials.js'

/** A 401 without resource_metadata followed by a root-only PRM probe: wrong order under 2025-11-25. */
function rootOnlyProbe(protocolVersions: Array<'2025-03-26' | '2025-06-18' | '2025-11-25'>) {
  const trial = trialOf(config(), [
    { method: 'POST', url: 'http://mcp.test/mcp', status: 401, responseHeaders: [['www-authenticate', 'Bearer']] },
    { method: 'GET', url: 'http://mcp.test/.well-known/oauth-protected-resource', status: 404 },
  ])
  return { ...trial, scenario: scenario({ protocolVersions }) }
}

describe('rules apply from the spec version that introduced them', () => {
  it('prm-discovery-order (2025-11-25) judges a server that speaks 2025-11-25, not one that speaks only older versions', () => {
    expect(prmDiscoveryOrder.check(rootOnlyProbe(['2025-06-18', '2025-11-25']))).toHaveLength(1)
    expect(prmDiscoveryOrder.exercised(rootOnlyProbe(['2025-03-26', '2025-06-18']))).toBe(false)
    expect(prmDiscoveryOrder.check(rootOnlyProbe(['2025-03-26']))).toEqual([])
  })

  it('resource-parameter (2025-06-18) is not exercised against a 2025-03-26-only server', () => {
    expect(resourceParameter.exercised(rootOnlyProbe(['2025-03-26']))).toBe(false)
  })
})
