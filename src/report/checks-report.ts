import type { RunReport, RunReportResult } from './run-report-schema.js'
import { safeFileName } from './safe-file-name.js'

/** The conformance suite's check shape (`@modelcontextprotocol/conformance`, `checks.json`). */
export interface ConformanceCheck {
  id: string
  name: string
  description: string
  status: 'SUCCESS' | 'FAILURE' | 'WARNING' | 'SKIPPED' | 'INFO'
  timestamp: string
  specReferences?: Array<{ id: string; url?: string }>
  details?: Record<string, unknown>
  errorMessage?: string
  logs?: string[]
}

/** Violations of a SHOULD are warnings, as in the conformance suite; of a MUST or an expectation, failures. */
function statusOf(result: RunReportResult): ConformanceCheck['status'] {
  if (result.status === 'held' || result.status === 'stale-expected-failure') return 'SUCCESS'
  if (result.status === 'not-exercised') return 'SKIPPED'
  return result.property.level === 'SHOULD' ? 'WARNING' : 'FAILURE'
}

function check(result: RunReportResult, timestamp: string): ConformanceCheck {
  const info = result.counterexample?.counterexample
  return {
    id: result.property.id,
    name: result.property.id,
    description: result.property.statement,
    status: statusOf(result),
    timestamp,
    specReferences: result.property.specReferences,
    details: {
      client: result.client,
      level: result.property.level,
      runs: result.runs,
      held: result.held,
      violated: result.violated,
      notExercised: result.notExercised,
      ...(info ? { seed: info.seed, path: info.path, reproduce: info.reproduce, outcome: info.outcome } : {}),
      ...(result.expectedFailure ? { expectedFailure: result.expectedFailure.reason } : {}),
      ...(result.status === 'stale-expected-failure' ? { staleExpectedFailure: true } : {}),
      ...(result.savedAs ? { counterexampleFile: result.savedAs } : {}),
    },
    ...(info ? { errorMessage: info.violations.map((v) => v.message).join('\n'), logs: info.curl } : {}),
  }
}

/**
 * Conformance-suite-shaped checks, one `checks.json` per client (the suite writes one per scenario
 * run): a check per property, so dashboards built for the suite read the harness's results.
 *
 * @example
 * for (const [client, checks] of conformanceChecks(report)) console.log(client, checks.length)
 */
export function conformanceChecks(report: RunReport): Map<string, ConformanceCheck[]> {
  const byClient = new Map<string, ConformanceCheck[]>()
  for (const result of report.results) {
    const checks = byClient.get(result.client) ?? []
    checks.push(check(result, report.startedAt))
    byClient.set(result.client, checks)
  }
  return byClient
}

/** A folder name for a client (`cmd:` names keep only safe characters). */
export function checksFolderName(client: string): string {
  return safeFileName(client, 80) || 'client'
}
