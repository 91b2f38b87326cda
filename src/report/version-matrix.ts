import semver from 'semver'
import { splitVersionedName } from '../clients/versioned-name.js'
import type { RunReport, RunReportResult } from './run-report-schema.js'

/** A cell's mark: held, violated, nothing to judge, and a version that could not run. */
const MARKS = { held: '✓', violated: '✗', 'not-exercised': '·', unavailable: '!' } as const

/** The legend printed under the table. */
export const VERSION_MATRIX_LEGEND =
  '✓ held  ✗ violated  · not exercised (nothing to judge in that version)  ! could not be installed or run'

/** The versions a matrix report covers, oldest first (from its clients and its results). */
export function reportVersions(report: RunReport): string[] {
  const names = [...(report.clients ?? []).map((c) => c.name), ...report.results.map((r) => r.client)]
  const versions = [...new Set(names.map((name) => splitVersionedName(name).version).filter((v): v is string => v !== undefined))]
  return versions.sort((a, b) => (semver.valid(a) && semver.valid(b) ? semver.compare(a, b) : a.localeCompare(b)))
}

/** Each property's verdict per version ('unavailable' for a version that could not run). */
function verdicts(report: RunReport, versions: readonly string[]): Map<string, Array<keyof typeof MARKS>> {
  const unavailable = new Set((report.clients ?? []).filter((c) => c.unavailable).map((c) => c.version))
  const byPair = new Map<string, RunReportResult>()
  for (const result of report.results) byPair.set(`${splitVersionedName(result.client).version} ${result.property.id}`, result)
  const rows = new Map<string, Array<keyof typeof MARKS>>()
  for (const id of new Set(report.results.map((r) => r.property.id)))
    rows.set(
      id,
      versions.map((version) =>
        unavailable.has(version) ? 'unavailable' : (byPair.get(`${version} ${id}`)?.verdict ?? 'not-exercised'),
      ),
    )
  return rows
}

/**
 * The matrix as text: a row per property, a column per version, then where each property changed
 * (`client-registration: ✓ 1.4.0–1.4.1, ✗ 1.6.0–1.8.0`), then the versions that could not run.
 *
 * @example
 * versionMatrixLines(report)
 * // ['property              1.4.0  1.4.1  1.6.0', 'client-registration     ✓      ✓      ✗', …]
 */
export function versionMatrixLines(report: RunReport): string[] {
  const versions = reportVersions(report)
  const rows = verdicts(report, versions)
  const first = Math.max('property'.length, ...[...rows.keys()].map((id) => id.length)) + 2
  const widths = versions.map((v) => Math.max(v.length, 1) + 2)
  const lines = [`${'property'.padEnd(first)}${versions.map((v, i) => v.padEnd(widths[i]!)).join('')}`.trimEnd()]
  for (const [id, cells] of rows)
    lines.push(`${id.padEnd(first)}${cells.map((cell, i) => MARKS[cell].padEnd(widths[i]!)).join('')}`.trimEnd())
  lines.push(VERSION_MATRIX_LEGEND)
  const changes = [...rows].flatMap(([id, cells]) => {
    const runs = spans(versions, cells)
    return cells.includes('held') && cells.includes('violated')
      ? [`  ${id}: ${runs.map((s) => `${MARKS[s.verdict]} ${s.from === s.to ? s.from : `${s.from}–${s.to}`}`).join(', ')}`]
      : []
  })
  lines.push(
    '',
    changes.length > 0 ? 'where a property changed:' : 'no property changed its verdict across these versions',
    ...changes,
  )
  for (const client of (report.clients ?? []).filter((c) => c.unavailable))
    lines.push(`! ${client.version}: ${client.unavailable}`)
  return lines
}

/** Consecutive versions with the same verdict. */
function spans(versions: readonly string[], cells: ReadonlyArray<keyof typeof MARKS>) {
  const out: Array<{ verdict: keyof typeof MARKS; from: string; to: string }> = []
  cells.forEach((verdict, i) => {
    const last = out.at(-1)
    if (last && last.verdict === verdict) last.to = versions[i]!
    else out.push({ verdict, from: versions[i]!, to: versions[i]! })
  })
  return out
}
