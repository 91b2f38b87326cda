import fc from 'fast-check'
import type { ClientConfig, Transport } from '../config/client-config.js'
import type { ScenarioPlan } from '../scenario/scenario-plan.js'
import { clientConfigArbitrary } from './client-config.js'
import { scenarioPlanArbitrary } from './scenario-plan.js'

/** What one trial is generated from: the client's config and the server's plan. */
export interface TrialInput {
  config: ClientConfig
  plan: ScenarioPlan
}

/**
 * ClientConfig × ScenarioPlan for a client supporting `transports`; `resolveScenario` joins them.
 * `oauthClientId: false` for a client that cannot be given a pre-registered client id.
 *
 * @example
 * fc.assert(fc.asyncProperty(trialInputArbitrary(['sse']), async ({ config, plan }) => { ... }))
 */
export function trialInputArbitrary(
  transports: readonly Transport[],
  options: { oauthClientId?: boolean } = {},
): fc.Arbitrary<TrialInput> {
  return fc.record({ config: clientConfigArbitrary(transports, options), plan: scenarioPlanArbitrary() })
}
