import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { trialInputArbitrary } from '../src/arbitraries/trial-input.js'
import { coverageInputs } from '../src/coverage/coverage-inputs.js'
import { dimensionsFor } from '../src/dimensions/dimensions.js'

// A config with only a bearer-token field (codex before 0.47) is never given another header to send.
const bearerOnly = {
  transports: ['streamable-http'] as const,
  acceptsOAuthClientId: false,
  configurableHeaders: 'bearer-only' as const,
}

/** Every configured header name is Authorization, with a Bearer value. */
function onlyBearer(headers: Record<string, string>): boolean {
  return Object.entries(headers).every(([name, value]) => name === 'Authorization' && value.startsWith('Bearer '))
}

describe('a client whose config carries only a bearer token', () => {
  it('meets the headers dimension as none or bearer', () => {
    expect(dimensionsFor(bearerOnly).find((d) => d.name === 'headers')!.values).toEqual(['none', 'bearer'])
  })

  it('gets only a bearer token (or nothing) in every coverage input, and both', () => {
    const inputs = coverageInputs(bearerOnly)
    expect(inputs.every(({ input }) => onlyBearer(input.config.headers))).toBe(true)
    expect(inputs.some(({ input }) => Object.keys(input.config.headers).length === 0)).toBe(true)
    expect(inputs.some(({ input }) => 'Authorization' in input.config.headers)).toBe(true)
    // A client with any header still meets the API key.
    expect(coverageInputs({ transports: ['streamable-http'] }).some(({ input }) => 'X-API-Key' in input.config.headers)).toBe(
      true,
    )
  })

  it('draws only bearer tokens in the random phase', () => {
    fc.assert(
      fc.property(trialInputArbitrary(['streamable-http'], { configurableHeaders: 'bearer-only' }), ({ config }) =>
        onlyBearer(config.headers),
      ),
      { numRuns: 300 },
    )
  })
})
