import { buildRecording } from '../recording/build-recording.js'
import type { Recording } from '../recording/recording.js'
import type { Redactor } from '../recording/redactor.js'
import type { PropertyResult } from '../runner/fuzz.js'
import { curlCommand } from './curl-transcript.js'
import { describeOutcome, reproduceCommand } from './text-report.js'

export interface CounterexampleOptions {
  /** The run's other flags, repeated in the reproduce command. */
  flags?: readonly string[]
  timeoutMs: number
  /** The config format a `cmd:` client was given. */
  configFormat?: string
  recordedAt?: string
}

/**
 * A shrunk counterexample as a recording: its traffic, plus what failed, the concrete input, the phase, seed and path, the
 * exact reproduce command, the scenario and a `curl` transcript, all through one redactor (so the
 * scenario's copy of a configured secret gets the same placeholder as the config's).
 *
 * @example
 * const { recording, redactor } = counterexampleRecording(result, { timeoutMs: 5000 })
 * await writeRecording('recordings/found/x.json', recording, redactor)
 */
export function counterexampleRecording(
  result: PropertyResult,
  options: CounterexampleOptions,
): { recording: Recording; redactor: Redactor } {
  const ce = result.counterexample
  if (!ce) throw new Error(`${result.client} × ${result.property.id} has no counterexample`)
  const { recording, redactor } = buildRecording({
    config: ce.trial.config,
    exchanges: ce.trial.exchanges,
    client: result.client,
    source: 'fuzz',
    notes: `Shrunk counterexample: ${result.client} violates ${result.property.id}.`,
    ...(options.recordedAt === undefined ? {} : { recordedAt: options.recordedAt }),
  })
  const counterexample = redactor.applyDeep({
    client: result.client,
    ...(result.clientDescription === undefined ? {} : { clientDescription: result.clientDescription }),
    ...(result.clientVersion === undefined ? {} : { clientVersion: result.clientVersion }),
    property: result.property.id,
    level: result.property.level,
    statement: result.property.statement,
    phase: ce.phase,
    seed: ce.seed,
    path: ce.path,
    ...(ce.label === undefined ? {} : { label: ce.label }),
    input: ce.input,
    shrinks: ce.shrinks,
    reproduce: reproduceCommand(result, options.flags ?? []),
    timeoutMs: options.timeoutMs,
    ...(options.configFormat === undefined ? {} : { configFormat: options.configFormat }),
    ...(ce.trial.scenario === undefined ? {} : { scenario: ce.trial.scenario }),
    outcome: describeOutcome(ce.trial.outcome),
    violations: ce.violations.map((v) => ({ ...(v.exchange === undefined ? {} : { exchange: v.exchange }), message: v.message })),
    curl: recording.exchanges.map(curlCommand),
  })
  return { recording: { ...recording, counterexample }, redactor }
}
