import type fc from 'fast-check'
import { TRANSPORTS } from '../core/client-config.js'
import type { ScenarioPlan } from '../core/trial-input.js'
import { trialInputArbitrary } from './trial-input.js'

/**
 * Server behaviour for one trial, as the dimension table draws it: endpoint location, versions,
 * response and stream modes, sessions, legacy endpoint form, tools, auth and which requests it
 * guards, what the GET stream carries, a move to another origin and 404 style. Each shrinks to its base.
 *
 * @example
 * const [plan] = fc.sample(scenarioPlanArbitrary(), 1)
 * const scenario = resolveScenario(config, plan!)
 */
export function scenarioPlanArbitrary(): fc.Arbitrary<ScenarioPlan> {
  return trialInputArbitrary(TRANSPORTS).map((input) => input.plan)
}
