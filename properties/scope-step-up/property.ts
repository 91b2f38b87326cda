import { spec, type Property } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import type { Exchange } from '../../src/core/exchange.js'
import { authorizeRequests, resourceCovers, scopeChallenges, servedPrms } from '../../src/traffic/oauth-flow.js'
import { authorizationServerTokenRequests } from '../../src/traffic/machine-grants.js'
import { CLIENT_CREDENTIALS_GRANT, JWT_BEARER_GRANT } from '../../src/spec/oauth-grants.js'

const ID = 'scope-step-up'

/**
 * Whether the client was shown Protected Resource Metadata naming another resource: it must then
 * not authorize with it (resource-mismatch-rejected), so not stepping up is right.
 */
export function foreignPrm(trial: Trial): boolean {
  return servedPrms(trial).some((prm) => prm.resource !== undefined && !resourceCovers(prm.resource, trial.config.url))
}

/**
 * The 403 `insufficient_scope` answers a step-up is owed for. Not one to the DELETE that ends the
 * session (best effort: the client is leaving, with nothing left to do with more scope), nor one to
 * Streamable HTTP's standalone GET stream, which a client may open or not (MCP › Listening for
 * Messages from the Server): going on without it is a choice, not a failure. Over HTTP+SSE the GET
 * is the session itself, and a step-up is owed.
 */
export function owed(trial: Trial) {
  const optionalStream = (method: string) => method === 'GET' && trial.config.transport === 'streamable-http'
  return scopeChallenges(trial).filter(({ exchange }) => exchange.method !== 'DELETE' && !optionalStream(exchange.method))
}

/**
 * Where a client asks for scope again: an authorization request, or for a client with a grant
 * without a user (client credentials, JWT bearer) a token request of that grant.
 */
export function reauthorizations(trial: Trial): Array<{ exchange: Exchange; scope: string; kind: string }> {
  const authorizations = authorizeRequests(trial).map((exchange) => ({
    exchange,
    scope: new URL(exchange.url).searchParams.get('scope') ?? '',
    kind: 'authorization request',
  }))
  const grants = authorizationServerTokenRequests(trial)
    .filter(({ form }) => [CLIENT_CREDENTIALS_GRANT, JWT_BEARER_GRANT].includes(form.get('grant_type') ?? ''))
    .map(({ exchange, form }) => ({ exchange, scope: form.get('scope') ?? '', kind: 'token request' }))
  return [...authorizations, ...grants].sort((a, b) => a.exchange.requestTick - b.exchange.requestTick)
}

/**
 * After a 403 `insufficient_scope`, the client steps up: it authorizes again (or, with a grant
 * without a user, requests a token again), asking for every scope the challenge named (unless the
 * metadata it would step up with names another resource). Any re-authorization after the 403 may
 * be the step-up: one a concurrent flow sent first is not a failure to step up.
 */
export const scopeStepUp: Property = {
  id: ID,
  statement:
    'After a 403 insufficient_scope, the client authorizes again (or requests a token again, with a grant without a user) and asks for every scope the challenge named.',
  source: spec('2025-11-25', 'Authorization › Scope Challenge Handling'),
  level: 'SHOULD',
  exercised: (trial) => owed(trial).length > 0 && !foreignPrm(trial),
  check(trial) {
    const first = owed(trial)[0]
    if (!first) return []
    const { exchange, scope } = first
    const after = reauthorizations(trial).filter((a) => a.exchange.requestTick > (exchange.responseTick ?? exchange.requestTick))
    const next = after[0]
    if (!next)
      return [
        {
          property: ID,
          exchange: exchange.seq,
          message: `request #${exchange.seq} got 403 insufficient_scope (scope "${scope.join(' ')}"), and the client never authorized again`,
        },
      ]
    const missingIn = (a: { scope: string }) => {
      const asked = new Set(a.scope.split(/\s+/).filter(Boolean))
      return scope.filter((s) => !asked.has(s))
    }
    // A flow started by another challenge beside this one (a 401 on a concurrent request) may send
    // its authorization request first: the step-up is owed by one of those that follow, not the first.
    if (after.some((a) => missingIn(a).length === 0)) return []
    const missing = missingIn(next)
    return [
      {
        property: ID,
        exchange: next.exchange.seq,
        message: `${next.kind} #${next.exchange.seq} after the 403 insufficient_scope (#${exchange.seq}) did not ask for ${missing.join(', ')}`,
      },
    ]
  },
}
