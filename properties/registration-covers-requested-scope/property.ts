import { spec, type Property } from '../../src/property/property.js'
import { jsonObject } from '../../src/core/json.js'
import type { Exchange } from '../../src/core/exchange.js'
import type { Trial } from '../../src/core/trial.js'
import { authorizeRequests, registrationRequests } from '../../src/traffic/oauth-flow.js'

const ID = 'registration-covers-requested-scope'

const scopesOf = (text: unknown): string[] => (typeof text === 'string' ? text.split(/\s+/).filter(Boolean) : [])

/**
 * Each accepted dynamic registration with the authorization request that followed it at the same
 * authorization server. A later step-up asks for scope the client could not have known at
 * registration: that one is scope-step-up's to judge.
 */
function registeredThenAsked(trial: Trial): Array<{ registration: Exchange; registered: string[]; request: Exchange }> {
  const authorizations = authorizeRequests(trial)
  return registrationRequests(trial).flatMap((registration) => {
    if (registration.status !== 201 && registration.status !== 200) return []
    const origin = new URL(registration.url).origin
    const request = authorizations.find(
      (a) => a.requestTick > (registration.responseTick ?? registration.requestTick) && new URL(a.url).origin === origin,
    )
    return request ? [{ registration, registered: scopesOf(jsonObject(registration.requestBody)?.scope), request }] : []
  })
}

/**
 * A client that registers dynamically registers the scopes it will ask for (RFC 7591 §2 `scope`):
 * the authorization request after a registration asks only for registered scopes, or for none
 * when none were registered. A strict authorization server grants nothing else (`invalid_scope`).
 */
export const registrationCoversRequestedScope: Property = {
  id: ID,
  statement:
    'The authorization request after a dynamic registration asks only for scopes the registration named (RFC 7591 §2 scope).',
  source: spec('2025-11-25', 'Authorization › Scope Selection Strategy (applied to registration as well; RFC 7591 §2)', {
    alsoBefore: true,
  }),
  level: 'SHOULD',
  exercised: (trial) => registeredThenAsked(trial).length > 0,
  check(trial) {
    return registeredThenAsked(trial).flatMap(({ registration, registered, request }) => {
      const asked = scopesOf(new URL(request.url).searchParams.get('scope'))
      const beyond = asked.filter((scope) => !registered.includes(scope))
      if (beyond.length === 0) return []
      return [
        {
          property: ID,
          exchange: request.seq,
          message: `authorization request #${request.seq} asked for ${beyond.join(' ')}, which registration #${registration.seq} ${registered.length ? `did not name (it named "${registered.join(' ')}")` : 'did not name (it named no scope)'}`,
        },
      ]
    })
  },
}
