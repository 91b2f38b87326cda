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
export function findingId(client: string, property: string, taken: Set<string>): string {
  const base = `finding-${`${client}--${property}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`
  let id = base
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`
  taken.add(id)
  return id
}

export function viewProperty(property: Property): ViewProperty {
  return {
    id: property.id,
    level: property.level,
    statement: property.statement,
    source: describeSource(property.source),
    specReferences: specReferences(property.source),
  }
}

export function uniqueProperties(properties: readonly ViewProperty[]): ViewProperty[] {
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
export function countLine(results: readonly ViewResult[]): string {
  const counts = new Map<ResultStatus, number>()
  for (const r of results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1)
  return [...counts].map(([status, n]) => `${n} ${STATUS_WORDS[status]}`).join(', ')
}
