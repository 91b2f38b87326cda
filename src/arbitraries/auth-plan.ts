import type fc from 'fast-check'
import type { AuthPlan } from '../core/trial-input.js'
import { scenarioPlanArbitrary } from './scenario-plan.js'

/**
 * What the server requires, as the dimension table draws it: nothing; a static header that the
 * config satisfies (most often), gets wrong, or lacks, with the challenge it answers otherwise; or
 * OAuth. Shrinks towards "nothing".
 *
 * @example
 * fc.sample(authPlanArbitrary(), 1) // [{ kind: 'static-header', credential: 'configured', pick: 0, challenge: 'bearer-bare' }]
 */
export function authPlanArbitrary(): fc.Arbitrary<AuthPlan> {
  return scenarioPlanArbitrary().map((plan) => plan.auth)
}
