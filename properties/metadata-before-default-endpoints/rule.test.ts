import { describe, expect, it } from 'vitest'
import { metadataBeforeDefaultEndpoints } from './property.js'
import { config, scenario, trialOf } from '../../test/helpers/trials.js'
import type { Trial } from '../../src/core/trial.js'

const asMetadata = { method: 'GET', url: 'http://mcp.test/.well-known/oauth-authorization-server', status: 404 }
const register = { method: 'POST', url: 'http://mcp.test/register' }
const authorize = { method: 'GET', url: 'http://mcp.test/authorize?response_type=code' }
const speaking = (trial: Trial, ...protocolVersions: Array<'2025-03-26' | '2025-06-18'>): Trial => ({
  ...trial,
  scenario: scenario({ protocolVersions }),
})

describe('metadata-before-default-endpoints', () => {
  it('blames a default endpoint used before any metadata request, with a 2025-03-26 server', () => {
    const trial = speaking(trialOf(config(), [register, asMetadata, authorize]), '2025-03-26')
    expect(metadataBeforeDefaultEndpoints.check(trial).map((v) => v.exchange)).toEqual([1])
  })

  it('takes metadata asked first, and leaves later revisions (which have no defaults) to other properties', () => {
    const first = speaking(trialOf(config(), [asMetadata, register, authorize]), '2025-03-26')
    expect(metadataBeforeDefaultEndpoints.exercised(first)).toBe(true)
    expect(metadataBeforeDefaultEndpoints.check(first)).toEqual([])
    const later = speaking(trialOf(config(), [register, authorize]), '2025-03-26', '2025-06-18')
    expect(metadataBeforeDefaultEndpoints.exercised(later)).toBe(false)
  })
})
