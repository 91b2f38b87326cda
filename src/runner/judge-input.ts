import type { TrialInput } from '../core/trial-input.js'
import type { ClientUnderTest } from '../clients/client-under-test.js'
import type { Property } from '../property/property.js'
import { resolveScenario } from '../scenario/resolve-scenario.js'
import type { PropertyResult } from './fuzz.js'
import { runTrial } from './run-trial.js'
import { judge } from '../property/judge.js'

/**
 * Runs one concrete input (a saved counterexample's or an expected failure's) and judges one
 * property: `violated` with the trial as counterexample, else `held` or `not-exercised`. No seed
 * is involved, so this keeps working when the arbitraries change.
 *
 * @example
 * const { verdict } = await judgeInput(client, property, entry.input, { timeoutMs: 5000 })
 */
export async function judgeInput(
  client: ClientUnderTest,
  property: Property,
  input: TrialInput,
  options: { timeoutMs: number },
): Promise<PropertyResult> {
  const trial = await runTrial(client, input.config, resolveScenario(input.config, input.plan), options)
  const { verdict, violations } = judge(property, trial)
  const exercised = verdict !== 'not-exercised'
  const base = {
    client: client.name,
    ...(client.version === undefined ? {} : { clientVersion: client.version }),
    property,
    runs: 1,
    phaseRuns: { coverage: 0, random: 0 },
    exercised: exercised ? 1 : 0,
    outcomes: { completed: 0, 'client-error': 0, timeout: 0, [trial.outcome.kind]: 1 },
    seed: 0,
  }
  if (verdict !== 'violated') return { ...base, verdict }
  return {
    ...base,
    verdict: 'violated',
    counterexample: { phase: 'coverage', seed: 0, path: '0', label: 'saved input', input, shrinks: 0, trial, violations },
  }
}
