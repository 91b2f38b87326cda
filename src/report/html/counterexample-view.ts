import { foundBy } from '../text-report.js'
import type { Recording } from '../../recording/recording.js'
import { findingId, type ReportView, type ViewProperty } from './report-view.js'

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
    results: [
      {
        client: info.client,
        property: info.property,
        status: 'violated',
        runs: 1,
        held: 0,
        violated: 1,
        notExercised: 0,
        finding: id,
      },
    ],
    findings: [
      {
        id,
        client: info.client,
        property: info.property,
        status: 'violated',
        recording,
        violations: info.violations,
        outcome: info.outcome,
        origin: foundBy(info),
        reproduce: [info.reproduce, `npx mcp-auth-harness replay ${file}`],
      },
    ],
  }
}
