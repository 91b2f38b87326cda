import type { ClientUnderTest } from '../clients/client-under-test.js'
import { describeSource } from '../property/property.js'
import { specReferences } from '../property/spec-references.js'
import type { Redactor } from '../recording/redactor.js'
import { SecretScanner } from '../recording/secret-scanner.js'
import type { Expectation } from '../runner/expected-failures.js'
import type { FuzzStats, PropertyResult } from '../runner/fuzz.js'
import { TOOL_NAME, TOOL_VERSION } from '../version.js'
import { counterexampleRecording } from './counterexample-recording.js'
import { RUN_REPORT_FORMAT, RUN_REPORT_VERSION, type RunReport, type RunReportResult } from './run-report-schema.js'

export interface RunFacts {
  results: readonly PropertyResult[]
  /** The clients that ran (their versions and resolved dependencies go in the report). */
  clients?: readonly ClientUnderTest[]
  expectations: ReadonlyMap<PropertyResult, Expectation>
  /** Counterexample files saved this run, by result. */
  saved?: ReadonlyMap<PropertyResult, string>
  seed: number
  runs: number
  timeoutMs: number
  shard?: { index: number; count: number }
  /** What the whole run covers before sharding (see the report's `plan`). */
  plan?: RunReport['plan']
  trials: number
  /** Sessions per phase, and per client per dimension value (FuzzStats). */
  stats?: FuzzStats
  /** `--min-exercised N`: fewer exercised trials than this fails the run. */
  minExercised?: number
  startedAt: string
  durationMs: number
  /** The run's flags beyond client/property/seed/path, for reproduce commands. */
  flags: readonly string[]
  configFormat?: string
  /** The run was interrupted by this signal with this many pairs in all: the report holds those that finished. */
  incomplete?: { signal: 'SIGINT' | 'SIGTERM'; totalPairs: number }
}

function statusOf(result: PropertyResult, expectation: Expectation | undefined): RunReportResult['status'] {
  if (!expectation || expectation.status === 'fixed') return result.verdict
  return expectation.status === 'stale' ? 'stale-expected-failure' : 'expected-failure'
}

/**
 * Every reporter's one source: the run as plain, redacted data (`--json` prints it; JUnit, checks
 * and the Markdown summary are drawn from it). Returns the redactors used, so whoever writes it can
 * make the final leak check over the exact bytes.
 *
 * @example
 * const { report } = buildRunReport({ results, expectations, seed, runs: 100, timeoutMs: 5000, trials, startedAt, durationMs, flags: [] })
 * console.log(report.summary.violated, report.exitCode)
 */
export function buildRunReport(facts: RunFacts): { report: RunReport; redactors: Redactor[] } {
  const redactors: Redactor[] = []
  const results = facts.results.map((result): RunReportResult => {
    const expectation = facts.expectations.get(result)
    const violated = result.verdict === 'violated' ? 1 : 0
    let counterexample: RunReportResult['counterexample']
    if (result.counterexample) {
      const built = counterexampleRecording(result, {
        flags: facts.flags,
        timeoutMs: facts.timeoutMs,
        ...(facts.configFormat === undefined ? {} : { configFormat: facts.configFormat }),
      })
      redactors.push(built.redactor)
      counterexample = built.recording as RunReportResult['counterexample']
    }
    const saved = facts.saved?.get(result)
    return {
      client: result.client,
      property: {
        id: result.property.id,
        level: result.property.level,
        statement: result.property.statement,
        source: describeSource(result.property.source),
        specReferences: specReferences(result.property.source),
      },
      verdict: result.verdict,
      status: statusOf(result, expectation),
      runs: result.runs,
      phaseRuns: result.phaseRuns,
      held: result.exercised - violated,
      violated,
      notExercised: result.runs - result.exercised,
      sessions: {
        completed: result.outcomes.completed,
        clientError: result.outcomes['client-error'],
        timeout: result.outcomes.timeout,
      },
      durationMs: result.durationMs ?? 0,
      ...(expectation
        ? {
            expectedFailure: {
              reason: expectation.entry.reason,
              ...(expectation.entry.seed === undefined ? {} : { seed: expectation.entry.seed }),
              ...(expectation.entry.path === undefined ? {} : { path: expectation.entry.path }),
              ...(expectation.entry.inputs === undefined ? {} : { input: expectation.entry.inputs[0] }),
              ...(expectation.entry.versions === undefined ? {} : { versions: expectation.entry.versions }),
              ...(expectation.version === undefined ? {} : { clientVersion: expectation.version }),
              ...(expectation.status === 'fixed' ? { noLongerFails: true } : {}),
            },
          }
        : {}),
      ...(counterexample ? { counterexample } : {}),
      ...(saved ? { savedAs: saved } : {}),
    }
  })
  const summary = summaryOf(results)
  const underExercised =
    facts.minExercised === undefined
      ? []
      : facts.results
          .filter((r) => r.exercised < facts.minExercised!)
          .map((r) => ({ client: r.client, property: r.property.id, exercised: r.exercised }))
  const exercise: NonNullable<RunReport['exercise']> = {}
  for (const result of facts.results) {
    const entry = (exercise[result.client] ??= { properties: {}, dimensions: facts.stats?.dimensions?.[result.client] ?? {} })
    entry.properties[result.property.id] = result.exercised
  }
  const report: RunReport = {
    format: RUN_REPORT_FORMAT,
    version: RUN_REPORT_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    startedAt: facts.startedAt,
    durationMs: facts.durationMs,
    seed: facts.seed,
    runs: facts.runs,
    timeoutMs: facts.timeoutMs,
    ...(facts.shard ? { shard: facts.shard } : {}),
    ...(facts.plan ? { plan: facts.plan } : {}),
    trials: facts.trials,
    ...(facts.stats?.phases ? { phases: facts.stats.phases } : {}),
    exercise,
    ...(facts.minExercised === undefined ? {} : { minExercised: facts.minExercised, underExercised }),
    ...(versioned(facts.clients).length > 0 ? { clients: versioned(facts.clients) } : {}),
    summary,
    exitCode: runExitCode(summary, underExercised.length, judgedNothing(facts.results), facts.incomplete?.signal),
    ...(facts.incomplete
      ? {
          incomplete: { signal: facts.incomplete.signal, finishedPairs: results.length, totalPairs: facts.incomplete.totalPairs },
        }
      : {}),
    results,
  }
  return { report, redactors }
}

/** The clients whose version is known, as the report lists them. */
function versioned(clients: readonly ClientUnderTest[] = []): NonNullable<RunReport['clients']> {
  return clients
    .filter((client) => client.version !== undefined)
    .map((client) => ({
      name: client.name,
      version: client.version!,
      ...(client.releasedAt ? { releasedAt: client.releasedAt } : {}),
      ...(client.dependencies && Object.keys(client.dependencies).length > 0 ? { dependencies: { ...client.dependencies } } : {}),
    }))
}

/** How many client × property pairs ended in each status. */
export function summaryOf(results: readonly RunReportResult[]): RunReport['summary'] {
  const count = (status: RunReportResult['status']) => results.filter((r) => r.status === status).length
  return {
    pairs: results.length,
    held: count('held'),
    violated: count('violated'),
    notExercised: count('not-exercised'),
    expectedFailures: count('expected-failure'),
    staleExpectedFailures: count('stale-expected-failure'),
  }
}

/**
 * A run's exit code: 130/143 when a signal cut it short, else 0 only when nothing failed, nothing
 * is under-exercised and something was judged (no false green), else 1.
 */
export function runExitCode(
  summary: RunReport['summary'],
  underExercised: number,
  nothingJudged: boolean,
  interrupted?: 'SIGINT' | 'SIGTERM',
): RunReport['exitCode'] {
  if (interrupted) return interrupted === 'SIGINT' ? 130 : 143
  return summary.violated + summary.staleExpectedFailures + underExercised === 0 && !nothingJudged ? 0 : 1
}

/** True when no property was exercised by any trial: such a run judged nothing and cannot pass. */
export function judgedNothing(results: readonly PropertyResult[]): boolean {
  return results.every((result) => result.exercised === 0)
}

/** A report's text after every redactor, refusing it if a known secret is still there. */
export function redactReportText(text: string, redactors: readonly Redactor[], what: string): string {
  const scanner = new SecretScanner(redactors)
  const redact = (part: string) => scanner.neededFor(part).reduce((acc, redactor) => redactor.apply(acc), part)
  // Line by line: each redactor then decodes only the lines that hold one of its secrets, not the
  // whole report once per redactor (a --json run of 5 MB with 40 counterexamples took a minute).
  // No secret spans lines here (JSON strings escape newlines, header values hold none); one that
  // did would be found by the check below, and the whole text redacted as one.
  let out = text.split('\n').map(redact).join('\n')
  if (scanner.redactorsIn(out).size > 0) out = redact(out)
  if (scanner.redactorsIn(out).size > 0) throw new Error(`refusing to write ${what}: a secret survived redaction`)
  return out
}
