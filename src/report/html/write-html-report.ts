import type { Redactor } from '../../recording/redactor.js'
import { SecretScanner } from '../../recording/secret-scanner.js'
import { writeTextAtomically } from '../../runtime/files.js'
import { htmlReport, type LivePage } from './html-report.js'
import type { ReportView } from './report-view.js'

/**
 * The page for a view, after every redactor has gone over the view's data, refused if a known
 * secret is still in it raw, JSON-escaped or HTML-escaped.
 *
 * @example
 * const page = redactedHtmlReport(viewOfRunReport(report), redactors)
 */
export function redactedHtmlReport(view: ReportView, redactors: readonly Redactor[], live?: LivePage): string {
  // Only the redactors with something to do walk the view (a run report's view is redacted already).
  const needed = new SecretScanner(redactors).neededFor(JSON.stringify(view))
  const redacted = needed.reduce((acc, redactor) => redactor.applyDeep(acc), view)
  return refuseLeaks(htmlReport(redacted, live), redactors)
}

/** The markup unchanged, or an error if a known secret is in it in any encoding (the scanner decodes entities too). */
export function refuseLeaks(markup: string, redactors: readonly Redactor[]): string {
  if (new SecretScanner(redactors).redactorsIn(markup).size > 0)
    throw new Error('refusing to show the HTML report: a secret survived redaction')
  return markup
}

/**
 * Writes a view as one self-contained HTML file (atomically: a failed run leaves no half page).
 *
 * @example
 * await writeHtmlReport('report.html', viewOfRunReport(report), redactors)
 */
export async function writeHtmlReport(path: string, view: ReportView, redactors: readonly Redactor[]): Promise<void> {
  await writeTextAtomically(path, redactedHtmlReport(view, redactors), 'html')
}
