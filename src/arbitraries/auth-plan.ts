import fc from 'fast-check'
import type { AuthPlan } from '../scenario/scenario-plan.js'
import { challengeArbitrary } from './challenge.js'
import { oauthPlanArbitrary } from './oauth-plan.js'

/**
 * What the server requires: nothing; a static header that the config satisfies (most often), gets
 * wrong, or lacks, with the challenge it answers otherwise; or OAuth. Shrinks towards "nothing".
 *
 * @example
 * fc.sample(authPlanArbitrary(), 1) // [{ kind: 'static-header', credential: 'configured', pick: 0, challenge: 'bearer-bare' }]
 */
export function authPlanArbitrary(): fc.Arbitrary<AuthPlan> {
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('static-header' as const),
        credential: fc.oneof(
          { withCrossShrink: true },
          { weight: 3, arbitrary: fc.constant('configured' as const) },
          { weight: 1, arbitrary: fc.constantFrom('wrong-value' as const, 'unconfigured' as const) },
        ),
        pick: fc.nat({ max: 4 }),
        challenge: challengeArbitrary(),
      }),
    },
    { weight: 2, arbitrary: oauthPlanArbitrary().map((oauth) => ({ kind: 'oauth' as const, oauth })) },
  )
}
