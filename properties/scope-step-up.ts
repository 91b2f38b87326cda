import type { Property } from '../src/property/property.js'
import { ruleApplies } from '../src/property/spec-version.js'
import { authorizeRequests, scopeChallenges } from '../src/traffic/oauth-flow.js'

const ID = 'scope-step-up'

/**
 * After a 403 `insufficient_scope`, the client steps up: it authorizes again, asking for every
 * scope the challenge named.
 */
export const scopeStepUp: Property = {
  id: ID,
  statement: 'After a 403 insufficient_scope, the client authorizes again and asks for every scope the challenge named.',
  source: { kind: 'spec', version: '2025-11-25', section: 'Authorization › Scope Challenge Handling' },
  level: 'SHOULD',
  exercised: (trial) => ruleApplies(trial, '2025-11-25') && scopeChallenges(trial).length > 0,
  check(trial) {
    if (!ruleApplies(trial, '2025-11-25')) return []
    const first = scopeChallenges(trial)[0]
    if (!first) return []
    const { exchange, scope } = first
    const next = authorizeRequests(trial).find((a) => a.requestTick > (exchange.responseTick ?? exchange.requestTick))
    if (!next)
      return [
        {
          property: ID,
          exchange: exchange.seq,
          message: `request #${exchange.seq} got 403 insufficient_scope (scope "${scope.join(' ')}"), and the client never authorized again`,
        },
      ]
    const asked = new Set((new URL(next.url).searchParams.get('scope') ?? '').split(/\s+/).filter(Boolean))
    const missing = scope.filter((s) => !asked.has(s))
    if (missing.length === 0) return []
    return [
      {
        property: ID,
        exchange: next.seq,
        message: `authorization request #${next.seq} after the 403 insufficient_scope (#${exchange.seq}) did not ask for ${missing.join(', ')}`,
      },
    ]
  },
}
