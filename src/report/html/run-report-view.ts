import { foundBy } from '../text-report.js'
import type { RunReport } from '../run-report-schema.js'
import { countLine, findingId, uniqueProperties, type ReportView, type ViewFinding, type ViewResult } from './report-view.js'

/**
 * A fuzz run (the `--json` document) as a report view: the matrix of every client × property, a
 * finding per counterexample, the exercise statistics.
 *
 * @example
 * const view = viewOfRunReport(report)
 * view.findings.map((f) => f.id) // ['finding-faulty-drops-headers-headers-always-sent']
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
        origin: `${foundBy(info)}, shrunk ${info.shrinks} time(s)`,
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
      // A run without a random phase (`--phases coverage`, a matrix) has no seed or random runs to speak of.
      ...(report.phases && report.phases.random === 0
        ? [`coverage phase only (${report.phases.coverage} sessions)`]
        : [`seed ${report.seed}`, `${report.runs} random runs per client`]),
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
