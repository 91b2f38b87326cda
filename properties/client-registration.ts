import type { Property } from '../src/property/property.js'
import { ruleApplies } from '../src/property/spec-version.js'
import { registrationRequests, servedAsMetadata } from '../src/traffic/oauth-flow.js'

const ID = 'client-registration'

/**
 * A client the user pre-registered does not register again, and dynamic registration goes only to
 * the `registration_endpoint` the authorization server advertised (never a guessed `/register`).
 */
export const clientRegistration: Property = {
  id: ID,
  statement:
    'A client with a pre-registered client id does not register; dynamic client registration goes only to an advertised registration_endpoint.',
  source: { kind: 'spec', version: '2025-11-25', section: 'Authorization › Client Registration Approaches' },
  level: 'SHOULD',
  // 2025-03-26 allowed the default /register; the order of approaches exists from 2025-11-25.
  exercised: (trial) =>
    ruleApplies(trial, '2025-11-25') && (servedAsMetadata(trial).length > 0 || registrationRequests(trial).length > 0),
  check(trial) {
    if (!ruleApplies(trial, '2025-11-25')) return []
    const advertised = new Set(servedAsMetadata(trial).flatMap((m) => (m.registrationEndpoint ? [m.registrationEndpoint] : [])))
    const preRegistered = trial.config.oauthClientId
    return registrationRequests(trial).flatMap((e) => {
      const url = e.url.split('?')[0]!
      const problems = [
        ...(preRegistered !== undefined ? [`although the config pre-registered client id "${preRegistered}"`] : []),
        ...(!advertised.has(url) ? ['to an endpoint no authorization server metadata advertised'] : []),
      ]
      return problems.map((problem) => ({
        property: ID,
        exchange: e.seq,
        message: `request #${e.seq} POST ${url} registered a client ${problem}`,
      }))
    })
  },
}
