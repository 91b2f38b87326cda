import type { Judgement } from '../../property/judge.js'
import type { Recording } from '../../recording/recording.js'
import {
  countLine,
  findingId,
  uniqueProperties,
  viewProperty,
  type ReportView,
  type ViewFinding,
  type ViewResult,
} from './report-view.js'

/** One recording (or live session) judged by every property: what `check`, `replay` and `serve` show. */
export interface JudgedSession {
  /** The column name in the matrix: the recording's file or the client replayed to. */
  client: string
  /** The session's traffic, already redacted. */
  recording: Recording
  judgements: readonly Judgement[]
  outcome?: string
  origin?: string
  reproduce?: string[]
}

/**
 * Sessions judged by the properties (`check` over recordings, a `replay`, a `serve` session) as a
 * report view: a matrix cell per session × property, a finding per violated property.
 *
 * @example
 * const view = viewOfJudgedSessions('check', [{ client: 'a.json', recording, judgements }])
 */
export function viewOfJudgedSessions(command: string, sessions: readonly JudgedSession[], facts: string[] = []): ReportView {
  const taken = new Set<string>()
  const findings: ViewFinding[] = []
  const results: ViewResult[] = []
  for (const session of sessions)
    for (const j of session.judgements) {
      const violated = j.verdict === 'violated'
      const finding = violated ? findingId(session.client, j.property.id, taken) : undefined
      if (finding)
        findings.push({
          id: finding,
          client: session.client,
          property: j.property.id,
          status: 'violated',
          recording: session.recording,
          violations: j.violations.map((v) => ({
            ...(v.exchange === undefined ? {} : { exchange: v.exchange }),
            message: v.message,
          })),
          ...(session.outcome ? { outcome: session.outcome } : {}),
          ...(session.origin ? { origin: session.origin } : {}),
          reproduce: session.reproduce ?? [],
        })
      results.push({
        client: session.client,
        property: j.property.id,
        status: j.verdict,
        runs: 1,
        held: j.verdict === 'held' ? 1 : 0,
        violated: violated ? 1 : 0,
        notExercised: j.verdict === 'not-exercised' ? 1 : 0,
        ...(finding ? { finding } : {}),
      })
    }
  const violated = results.filter((r) => r.status === 'violated').length
  const judged = results.some((r) => r.status !== 'not-exercised')
  return {
    title: `mcp-auth-harness ${command} report`,
    headline: !judged
      ? 'Nothing was judged: no property applies to this traffic'
      : violated > 0
        ? `${violated} property violation(s): ${countLine(results)}`
        : `Every property that applies held (${countLine(results)})`,
    ok: judged && violated === 0,
    facts,
    properties: uniqueProperties(sessions.flatMap((s) => s.judgements.map((j) => viewProperty(j.property)))),
    clients: sessions.map((s) => s.client),
    results,
    findings,
    sessions: sessions.map((s) => ({
      id: `session-${findingId(s.client, 'traffic', taken).slice('finding-'.length)}`,
      name: s.client,
      recording: s.recording,
      violations: s.judgements.flatMap((j) =>
        j.violations.map((v) => ({
          ...(v.exchange === undefined ? {} : { exchange: v.exchange }),
          message: `${j.property.id}: ${v.message}`,
        })),
      ),
    })),
  }
}
