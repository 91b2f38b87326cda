import fc from 'fast-check'
import { CHALLENGES, type Challenge } from '../scenario/scenario.js'

/**
 * How the server challenges a request without the right credential: 401 with
 * `Bearer resource_metadata=…`, bare `Bearer`, no `WWW-Authenticate`, a non-Bearer scheme, or 403.
 *
 * @example
 * fc.sample(challengeArbitrary(), 3) // ['bearer-bare', 'forbidden', 'no-www-authenticate']
 */
export function challengeArbitrary(): fc.Arbitrary<Challenge> {
  return fc.constantFrom(...CHALLENGES)
}
