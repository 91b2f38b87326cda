import { join } from 'node:path'
import { appendText, writeTextAtomically } from '../runtime/files.js'
import type { Redactor } from '../recording/redactor.js'
import { checksFolderName, conformanceChecks } from './checks-report.js'
import { junitXml } from './junit-report.js'
import { markdownSummary } from './markdown-summary.js'
import { redactReportText } from './run-report.js'
import { viewOfRunReport } from './html/run-report-view.js'
import { redactedHtmlReport } from './html/write-html-report.js'
import type { RunReport } from './run-report-schema.js'

export interface ReportTargets {
  junit?: string
  checksDir?: string
  /** Appended to, as GitHub's `$GITHUB_STEP_SUMMARY` expects. */
  summary?: string
  /** One self-contained HTML page: verdict matrix, findings as sequence diagrams, statistics. */
  html?: string
}

/** The run report as `--json` prints it: one document, redacted and leak-checked. */
export function runReportJson(report: RunReport, redactors: readonly Redactor[]): string {
  return redactReportText(`${JSON.stringify(report, null, 2)}\n`, redactors, 'the JSON report')
}

/**
 * Writes the file reporters a run asked for: JUnit XML, conformance-shaped `checks.json` per client,
 * a Markdown summary, an HTML page; each redacted and leak-checked. Returns the paths written.
 *
 * @example
 * await writeReports(report, redactors, { junit: 'junit.xml', summary: process.env.GITHUB_STEP_SUMMARY })
 */
export async function writeReports(report: RunReport, redactors: readonly Redactor[], targets: ReportTargets): Promise<string[]> {
  const written: string[] = []
  const write = async (path: string, text: string, append = false) => {
    const safe = redactReportText(text, redactors, path)
    await (append ? appendText(path, safe) : writeTextAtomically(path, safe))
    written.push(path)
  }
  if (targets.junit) await write(targets.junit, junitXml(report))
  if (targets.checksDir)
    for (const [client, checks] of conformanceChecks(report))
      await write(join(targets.checksDir, checksFolderName(client), 'checks.json'), `${JSON.stringify(checks, null, 2)}\n`)
  if (targets.summary) await write(targets.summary, `${markdownSummary(report)}\n`, true)
  // Not through `write`: the page's view is redacted before rendering, and a placeholder pasted into
  // markup afterwards would be markup; `redactedHtmlReport` only checks the page for leaks.
  if (targets.html) {
    await writeTextAtomically(targets.html, redactedHtmlReport(viewOfRunReport(report), redactors), 'html')
    written.push(targets.html)
  }
  return written
}
