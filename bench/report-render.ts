import type { PropertyResult, FuzzStats } from '../src/runner/fuzz.js'
import { buildRunReport } from '../src/report/run-report.js'
import { viewOfRunReport } from '../src/report/html/run-report-view.js'
import { redactedHtmlReport } from '../src/report/html/write-html-report.js'
import { runReportJson } from '../src/report/write-reports.js'

const REPEATS = 5

/** The median of `REPEATS` timings of `make`, in ms, and what it made. */
function timed(make: () => string): { ms: number; text: string } {
  const times: number[] = []
  let text = ''
  for (let i = 0; i < REPEATS; i++) {
    const started = performance.now()
    text = make()
    times.push(performance.now() - started)
  }
  return { ms: times.sort((a, b) => a - b)[Math.floor(REPEATS / 2)]!, text }
}

/**
 * What writing a run's HTML page costs next to its JSON report (the same document, redacted and
 * leak-checked both times), for the bench's default fuzz run.
 */
export function reportRenderCost(results: readonly PropertyResult[], stats: FuzzStats & { trials: number }, seed: number) {
  const { report, redactors } = buildRunReport({
    results,
    expectations: new Map(),
    seed,
    runs: results[0]?.runs ?? 0,
    timeoutMs: 5000,
    trials: stats.trials,
    stats,
    startedAt: new Date().toISOString(),
    durationMs: 0,
    flags: [],
  })
  const json = timed(() => runReportJson(report, redactors))
  const html = timed(() => redactedHtmlReport(viewOfRunReport(report), redactors))
  return {
    findings: report.results.filter((r) => r.counterexample).length,
    json: { ms: json.ms, bytes: json.text.length },
    html: { ms: html.ms, bytes: html.text.length },
  }
}
