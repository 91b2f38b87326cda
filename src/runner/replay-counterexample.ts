import type { ClientUnderTest } from '../clients/client-under-test.js'
import type { Property, Violation } from '../property/property.js'
import type { Recording } from '../recording/recording.js'
import { createScenarioServer } from '../scenario/scenario-server.js'
import { RecordingError } from '../recording/recording-error.js'
import { TRANSPORTS } from '../core/client-config.js'
import type { Scenario } from '../core/scenario.js'
import { runTrial } from './run-trial.js'
import { resolveScenario } from '../scenario/resolve-scenario.js'
import type { ScenarioPlan } from '../core/trial-input.js'
import type { ClientConfig } from '../core/client-config.js'
import type { Trial } from '../core/trial.js'
import { judge } from '../property/judge.js'

/** Consecutive replays a counterexample must hold in to count as fixed. */
export const FIXED_AFTER = 3

export type ReplayVerdict = 'FIXED' | 'STILL FAILING' | 'FLAKY' | 'NOT JUDGED'

export interface CounterexampleReplay {
  verdict: ReplayVerdict
  /** Each replay's trial, whether the property had anything to judge in it, and its violations ([] when it held). */
  runs: Array<{ trial: Trial; exercised: boolean; violations: Violation[] }>
}

/** The saved Scenario, checked enough to run: a malformed one is an input error naming the field. */
export function savedScenario(recording: Recording, file: string): Scenario {
  const scenario = recording.counterexample?.scenario as Partial<Scenario> | undefined
  const at = (field: string) => `$.counterexample.scenario${field}`
  if (!scenario || typeof scenario !== 'object')
    throw new RecordingError(file, at(''), 'missing: this counterexample cannot be re-run')
  if (typeof scenario.origin !== 'string') throw new RecordingError(file, at('.origin'), 'expected a string')
  if (typeof scenario.endpointPath !== 'string') throw new RecordingError(file, at('.endpointPath'), 'expected a string')
  if (!TRANSPORTS.includes(scenario.transport!))
    throw new RecordingError(file, at('.transport'), 'expected "streamable-http" or "sse"')
  if (!Array.isArray(scenario.protocolVersions)) throw new RecordingError(file, at('.protocolVersions'), 'expected an array')
  if (!scenario.auth || typeof scenario.auth !== 'object') throw new RecordingError(file, at('.auth'), 'expected an object')
  const auth = scenario.auth as { kind?: unknown; oauth?: unknown; header?: unknown; value?: unknown }
  if (auth.kind === 'oauth' && (!auth.oauth || typeof auth.oauth !== 'object'))
    throw new RecordingError(file, at('.auth.oauth'), 'expected an object (the authorization server) with kind "oauth"')
  if (auth.kind === 'static-header' && (typeof auth.header !== 'string' || typeof auth.value !== 'string'))
    throw new RecordingError(file, at('.auth'), 'expected "header" and "value" strings with kind "static-header"')
  if (!['none', 'oauth', 'static-header'].includes(auth.kind as string))
    throw new RecordingError(file, at('.auth.kind'), 'expected "none", "static-header" or "oauth"')
  // The rest is built once here, so a field this check does not know still fails as input, not as a crash mid-replay.
  try {
    createScenarioServer(scenario as Scenario).close()
  } catch (error) {
    throw new RecordingError(file, at(''), `cannot be run (${error instanceof Error ? error.message : String(error)})`)
  }
  return scenario as Scenario
}

/**
 * Re-runs a saved counterexample live: the same config against the same scenario's mock server,
 * `FIXED_AFTER` times, each judged by the property that failed. Held every time: FIXED; violated
 * every time: STILL FAILING; both: FLAKY; never violated but not exercised every time (no request,
 * or the client stopped before what the property judges): NOT JUDGED, which is not a fix. Placeholders stand in for the redacted secrets, the same
 * in config and scenario, so "the configured value" still matches what the server wants.
 *
 * @example
 * const { verdict } = await replayCounterexample(recording, 'found.json', client, property, { timeoutMs: 5000 })
 */
export async function replayCounterexample(
  recording: Recording,
  file: string,
  client: ClientUnderTest,
  property: Property,
  options: { timeoutMs: number; times?: number },
): Promise<CounterexampleReplay> {
  // The concrete input when the file has one (it re-resolves against the same config); else the saved scenario.
  const input = recording.counterexample?.input
  const config = input?.config ?? recording.config
  const scenario = input
    ? resolveScenario(input.config as ClientConfig, input.plan as ScenarioPlan)
    : savedScenario(recording, file)
  const runs: CounterexampleReplay['runs'] = []
  for (let i = 0; i < (options.times ?? FIXED_AFTER); i++) {
    const trial = await runTrial(client, config as ClientConfig, scenario, { timeoutMs: options.timeoutMs })
    // A session without a request (a client that cannot start) judges nothing.
    const judgement = trial.exchanges.length > 0 ? judge(property, trial) : undefined
    const exercised = judgement !== undefined && judgement.verdict !== 'not-exercised'
    runs.push({ trial, exercised, violations: judgement?.violations ?? [] })
  }
  const failed = runs.filter((run) => run.violations.length > 0).length
  // FIXED needs every replay to have judged something and held: a replay that judged nothing is no evidence.
  const verdict: ReplayVerdict =
    failed === runs.length ? 'STILL FAILING' : failed > 0 ? 'FLAKY' : runs.every((run) => run.exercised) ? 'FIXED' : 'NOT JUDGED'
  return { verdict, runs }
}
