import type { Trial } from '../../core/trial.js'
import type { Judgement } from '../../property/judge.js'
import { buildRecording } from '../../recording/build-recording.js'
import type { RecordingMetadata } from '../../recording/recording.js'
import type { Redactor } from '../../recording/redactor.js'
import { describeOutcome } from '../text-report.js'
import type { JudgedSession } from './judged-sessions-view.js'

/**
 * A live trial (a replay, a served session) as a judged session for the HTML report: its traffic
 * encoded and redacted like a recording, with the redactor the page's leak check needs.
 *
 * @example
 * const { session, redactor } = judgedTrialSession('sdk-streamable', trial, judgements, 'record')
 */
export function judgedTrialSession(
  name: string,
  trial: Trial,
  judgements: readonly Judgement[],
  source: RecordingMetadata['source'],
  extras: Pick<JudgedSession, 'origin' | 'reproduce'> = {},
): { session: JudgedSession; redactor: Redactor } {
  const { recording, redactor } = buildRecording({
    config: trial.config,
    exchanges: trial.exchanges,
    client: trial.client,
    source,
  })
  const judged = judgements.map((j) => ({ ...j, violations: redactor.applyDeep(j.violations) }))
  return {
    session: { client: name, recording, judgements: judged, outcome: describeOutcome(trial.outcome), ...extras },
    redactor,
  }
}
