import { baseInput, withValues } from '../../src/dimensions/base-input.js'
import { DIMENSIONS } from '../../src/dimensions/dimensions.js'
import { resolveScenario } from '../../src/scenario/resolve-scenario.js'

/** A trial's config and scenario from dimension values, everything else at its base value. */
export function trialInput(values: Record<string, unknown> = {}) {
  const { config, plan } = withValues(baseInput(DIMENSIONS), DIMENSIONS, values)
  return { config, scenario: resolveScenario(config, plan) }
}
