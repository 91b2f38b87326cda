import { spec, type Property } from '../../src/property/property.js'
import { authorizeRequests, mcpChallenges, scopeOf, servedPrms } from '../../src/traffic/oauth-flow.js'

const ID = 'scope-selection'

const words = (scope: string | null | undefined) => (scope ?? '').split(/\s+/).filter(Boolean).sort().join(' ')

/**
 * The first authorization request and the first 401 answered before it: a 401 that came after the
 * request (a later refusal of the new token) cannot have chosen its scope.
 */
function judgedPair(trial: Parameters<typeof authorizeRequests>[0]) {
  const first = authorizeRequests(trial)[0]
  if (!first) return undefined
  const challenge = mcpChallenges(trial).find((c) => (c.exchange.responseTick ?? Infinity) < first.requestTick)
  return challenge ? { first, challenge } : undefined
}

/**
 * The first authorization request asks for the scope the 401 named; without one, for all the
 * PRM's `scopes_supported`; without those, it omits `scope`.
 */
export const scopeSelection: Property = {
  id: ID,
  statement: "The first authorization request's scope is the 401's scope, else all PRM scopes_supported, else omitted.",
  source: spec('2025-11-25', 'Authorization › Scope Selection Strategy'),
  level: 'SHOULD',
  // The rule exists from 2025-11-25: a server that speaks only older versions cannot hold a client to it.
  exercised: (trial) => judgedPair(trial) !== undefined,
  check(trial) {
    const pair = judgedPair(trial)
    if (!pair) return []
    const { first, challenge } = pair
    const fromChallenge = scopeOf(challenge.wwwAuthenticate)
    const prm = servedPrms(trial).find((p) => p.exchange.requestTick < first.requestTick)
    const expected = fromChallenge !== undefined ? words(fromChallenge) : prm?.scopes ? words(prm.scopes.join(' ')) : ''
    const asked = words(new URL(first.url).searchParams.get('scope'))
    if (asked === expected) return []
    const source = fromChallenge !== undefined ? "the 401's scope" : prm?.scopes ? "the PRM's scopes_supported" : 'no scope'
    return [
      {
        property: ID,
        exchange: first.seq,
        message: `authorization request #${first.seq} asked for scope "${asked}", expected "${expected}" (${source})`,
      },
    ]
  },
}
