import { recordingRedactor } from '../recording/collect-secrets.js'
import { readJsonFile, validateFile } from '../recording/input-file.js'
import type { Recording } from '../recording/recording.js'
import type { Redactor } from '../recording/redactor.js'
import { runReportSchema, type RunReport } from './run-report-schema.js'

/**
 * A run report from a file (`fuzz --json`, `matrix --json`): validated, since it may come from
 * another job's artifact, with the redactors its counterexamples make.
 *
 * @example
 * const { report, redactors } = await loadRunReport('shard-1.json')
 */
export async function loadRunReport(file: string): Promise<{ report: RunReport; redactors: Redactor[] }> {
  return runReportFromJson(await readJsonFile(file), file)
}

/** A run report already parsed from `file` (see loadRunReport). */
export function runReportFromJson(parsed: unknown, file: string): { report: RunReport; redactors: Redactor[] } {
  const report = validateFile(runReportSchema, parsed, file, 'run report', 'written by fuzz --json')
  const redactors = report.results.flatMap((r) => (r.counterexample ? [recordingRedactor(r.counterexample as Recording)] : []))
  return { report, redactors }
}
