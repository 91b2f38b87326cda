import { describe, expect, it } from 'vitest'
import { discoveryProtocolVersion } from './property.js'
import { config, scenario, trialOf } from '../../test/helpers/trials.js'
import type { Trial } from '../../src/core/trial.js'

const url = 'http://mcp.test/.well-known/oauth-authorization-server'
const speaking = (trial: Trial, ...protocolVersions: Array<'2025-03-26' | '2025-06-18'>): Trial => ({
  ...trial,
  scenario: scenario({ protocolVersions }),
})

describe('discovery-protocol-version', () => {
  it('blames a bare metadata request to a 2025-03-26 server, and takes one with the header', () => {
    const bare = speaking(trialOf(config(), [{ method: 'GET', url }]), '2025-03-26')
    expect(discoveryProtocolVersion.check(bare).map((v) => v.exchange)).toEqual([1])
    const told = speaking(
      trialOf(config(), [{ method: 'GET', url, requestHeaders: [['mcp-protocol-version', '2025-03-26']] }]),
      '2025-03-26',
    )
    expect(discoveryProtocolVersion.check(told)).toEqual([])
  })

  it('leaves later revisions alone: the rule is 2025-03-26 only', () => {
    const later = speaking(trialOf(config(), [{ method: 'GET', url }]), '2025-03-26', '2025-06-18')
    expect(discoveryProtocolVersion.exercised(later)).toBe(false)
  })
})
