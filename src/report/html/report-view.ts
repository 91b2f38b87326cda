import type { Judgement } from '../../property/judge.js'
import { describeSource, type Property } from '../../property/property.js'
import { specReferences } from '../../property/spec-references.js'
import type { Recording } from '../../recording/recording.js'
import type { RunReport, RunReportResult } from '../run-report-schema.js'

export type ResultStatus = RunReportResult['status']

export interface ViewProperty {
  id: string
  level: string
  statement: string
  source: string
  specReferences: Array<{ id: string; url?: string }>
}

/** One client × property cell of the verdict matrix. */
export interface ViewResult {
  client: string
  property: string
  status: ResultStatus
  /** Trials that judged it (fuzz: its runs; check and replay: 1). */
  runs: number
  held: number
  violated: number
  notExercised: number
  /** The id of its finding, when it has one. */
  finding?: string
  /** Said beside the status: an expected failure the search did not hit this run. */
  remark?: string
}

/** A violation with the traffic that shows it: one diagram, its requests, how to get it back. */
export interface ViewFinding {
  /** Also the element id, so `#ID` links straight to it. */
  id: string
  client: string
  property: string
  status: ResultStatus
  recording: Recording
  violations: Array<{ exchange?: number; message: string }>
  /** How the session ended (completed, client error, timeout). */
  outcome?: string
  /** Where it came from: the phase and input, or the file. */
  origin?: string
  /** Commands that find it again. */
  reproduce: string[]
  /** Why it is a known failure (the expected-failures file's reason). */
  expectedReason?: string
}

/**
 * What an HTML report shows, whichever command made it: a fuzz run, a `check` of recordings, a
 * `replay`, a saved counterexample, or a `serve` session. Plain data, redacted before rendering.
 */
export interface ReportView {
  /** The page title and top heading. */
  title: string
  /** The verdict in one sentence. */
  headline: string
  ok: boolean
  /** Seed, runs, duration, files: short facts under the headline. */
  facts: string[]
  properties: ViewProperty[]
  clients: string[]
  results: ViewResult[]
  findings: ViewFinding[]
  /** Each judged session's whole traffic, whatever the verdicts (check, replay): shown below the findings. */
  sessions?: Array<{ id: string; name: string; recording: Recording; violations: Array<{ exchange?: number; message: string }> }>
  statistics?: {
    trials: number
    phases?: { coverage: number; random: number }
    exercise?: NonNullable<RunReport['exercise']>
  }
}

/** A finding's element id: readable in a URL, unique in the page. */
function findingId(client: string, property: string, taken: Set<string>): string {
  const base = `finding-${`${client}--${property}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`
  let id = base
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`
  taken.add(id)
  return id
}

function viewProperty(property: Property): ViewProperty {
  return {
    id: property.id,
    level: property.level,
    statement: property.statement,
    source: describeSource(property.source),
    specReferences: specReferences(property.source),
  }
}

function uniqueProperties(properties: readonly ViewProperty[]): ViewProperty[] {
  return [...new Map(properties.map((p) => [p.id, p])).values()]
}

const STATUS_WORDS: Record<ResultStatus, string> = {
  held: 'held',
  violated: 'violated',
  'not-exercised': 'not exercised',
  'expected-failure': 'expected failure',
  'stale-expected-failure': 'stale expected failure',
}

/** "3 violated, 40 held, 2 not exercised". */
function countLine(results: readonly ViewResult[]): string {
  const counts = new Map<ResultStatus, number>()
  for (const r of results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1)
  return [...counts].map(([status, n]) => `${n} ${STATUS_WORDS[status]}`).join(', ')
}

/**
 * A fuzz run (the `--json` document) as a report view: the matrix of every client × property, a
 * finding per counterexample, the exercise statistics.
 *
 * @example
 * const view = viewOfRunReport(report)
 * view.findings.map((f) => f.id) // ['finding-faulty-drops-headers--headers-always-sent']
 */
export function viewOfRunReport(report: RunReport): ReportView {
  const taken = new Set<string>()
  const findings: ViewFinding[] = []
  const results = report.results.map((r): ViewResult => {
    const recording = r.counterexample
    const info = recording?.counterexample
    let finding: string | undefined
    if (recording && info) {
      finding = findingId(r.client, r.property.id, taken)
      findings.push({
        id: finding,
        client: r.client,
        property: r.property.id,
        status: r.status,
        recording,
        violations: info.violations,
        outcome: info.outcome,
        origin:
          info.phase === 'coverage'
            ? `coverage input #${info.path}${info.label ? `: ${info.label}` : ''}, shrunk ${info.shrinks} time(s)`
            : `random phase, seed ${info.seed}, path ${info.path}, shrunk ${info.shrinks} time(s)`,
        reproduce: [info.reproduce, ...(r.savedAs ? [`npx mcp-auth-harness replay ${r.savedAs}`] : [])],
        ...(r.expectedFailure ? { expectedReason: r.expectedFailure.reason } : {}),
      })
    }
    return {
      client: r.client,
      property: r.property.id,
      status: r.status,
      runs: r.runs,
      held: r.held,
      violated: r.violated,
      notExercised: r.notExercised,
      ...(finding ? { finding } : {}),
      ...(r.status === 'expected-failure' && r.verdict !== 'violated' ? { remark: 'not hit by this run’s search' } : {}),
    }
  })
  const { summary } = report
  const failed = summary.violated + summary.staleExpectedFailures
  const headline = report.incomplete
    ? `Incomplete: interrupted by ${report.incomplete.signal} after ${report.incomplete.finishedPairs} of ${report.incomplete.totalPairs} client × property pairs`
    : report.exitCode === 0
      ? `Every property held or was an expected failure (${countLine(results)})`
      : failed > 0
        ? `${failed} unexpected failure(s): ${countLine(results)}`
        : `Failed: ${countLine(results)}${report.underExercised?.length ? `; ${report.underExercised.length} pair(s) exercised fewer than ${report.minExercised} times` : '; nothing was judged'}`
  return {
    title: 'mcp-auth-harness fuzz report',
    headline,
    ok: report.exitCode === 0,
    facts: [
      `seed ${report.seed}`,
      `${report.runs} random runs per client`,
      `${report.trials} sessions in ${(report.durationMs / 1000).toFixed(1)} s`,
      ...(report.shard ? [`shard ${report.shard.index}/${report.shard.count}`] : []),
      `started ${report.startedAt}`,
      `${report.tool.name} ${report.tool.version}`,
    ],
    properties: uniqueProperties(report.results.map((r) => r.property)),
    clients: [...new Set(report.results.map((r) => r.client))],
    results,
    findings,
    statistics: {
      trials: report.trials,
      ...(report.phases ? { phases: report.phases } : {}),
      ...(report.exercise ? { exercise: report.exercise } : {}),
    },
  }
}

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
          violations: j.violations.map((v) => ({ ...(v.exchange === undefined ? {} : { exchange: v.exchange }), message: v.message })),
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
        j.violations.map((v) => ({ ...(v.exchange === undefined ? {} : { exchange: v.exchange }), message: `${j.property.id}: ${v.message}` })),
      ),
    })),
  }
}

/**
 * A saved counterexample file as a report view: its one finding, as fuzz found it.
 *
 * @example
 * const view = viewOfCounterexample(await loadRecording('recordings/found/x.json'), 'recordings/found/x.json')
 */
export function viewOfCounterexample(recording: Recording, file: string, property: ViewProperty): ReportView {
  const info = recording.counterexample!
  const id = findingId(info.client, info.property, new Set())
  return {
    title: 'mcp-auth-harness counterexample',
    headline: `${info.client} violates ${info.property}`,
    ok: false,
    facts: [file, ...(info.clientDescription ? [info.clientDescription] : []), `recorded ${recording.metadata.recordedAt}`],
    properties: [property],
    clients: [info.client],
    results: [{ client: info.client, property: info.property, status: 'violated', runs: 1, held: 0, violated: 1, notExercised: 0, finding: id }],
    findings: [
      {
        id,
        client: info.client,
        property: info.property,
        status: 'violated',
        recording,
        violations: info.violations,
        outcome: info.outcome,
        origin: info.phase === 'coverage' ? `coverage input #${info.path}${info.label ? `: ${info.label}` : ''}` : `seed ${info.seed}, path ${info.path}`,
        reproduce: [info.reproduce, `npx mcp-auth-harness replay ${file}`],
      },
    ],
  }
}

export { viewProperty }
