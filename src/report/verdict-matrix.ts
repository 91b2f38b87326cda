import type { Expectation } from '../runner/expected-failures.js'
import type { PropertyResult } from '../runner/fuzz.js'

/** One symbol per cell, so 7 clients × 19 properties fit a screen. */
const SYMBOL = { held: '✓', violated: '✗', 'not-exercised': '·', expected: '~', stale: '!' } as const

export const MATRIX_LEGEND =
  '✓ held  ✗ VIOLATED  ~ expected failure  ! STALE expected failure  · not exercised   (number: trials that exercised it)'

function cell(result: PropertyResult | undefined, expectation: Expectation | undefined): string {
  if (!result) return ''
  const symbol =
    expectation && expectation.status !== 'fixed'
      ? expectation.status === 'stale'
        ? SYMBOL.stale
        : SYMBOL.expected
      : SYMBOL[result.verdict]
  return `${symbol}${result.exercised}`
}

/**
 * The run's verdict as one matrix: a row per property, a column per client (numbered, named in a
 * line above), each cell a symbol and how many trials exercised the property.
 *
 * @example
 * verdictMatrix(results, expectations).join('\n')
 * // clients: 1 sdk-streamable  2 sdk-sse
 * // property                        level      1     2
 * // headers-always-sent             MUST       ✓164  ✓160
 */
export function verdictMatrix(
  results: readonly PropertyResult[],
  expectations: ReadonlyMap<PropertyResult, Expectation>,
): string[] {
  const clients = [...new Set(results.map((r) => r.client))]
  const properties = [...new Map(results.map((r) => [r.property.id, r.property])).values()]
  const width = Math.max(6, ...results.map((r) => String(r.exercised).length + 2))
  const nameWidth = Math.max(30, ...properties.map((p) => p.id.length + 2))
  const pad = (text: string, n: number) => text.padEnd(n)
  const head =
    clients.length === 1 ? [`client: ${clients[0]}`] : [`clients: ${clients.map((c, i) => `${i + 1} ${c}`).join('  ')}`]
  const columns = clients.length === 1 ? ['verdict'] : clients.map((_, i) => String(i + 1))
  const lines = [
    ...head,
    `${pad('property', nameWidth)}${pad('level', 10)}${columns.map((c) => pad(c, width)).join('')}`.trimEnd(),
  ]
  for (const property of properties) {
    const cells = clients.map((client) => {
      const result = results.find((r) => r.client === client && r.property.id === property.id)
      return pad(cell(result, result ? expectations.get(result) : undefined), width)
    })
    lines.push(`${pad(property.id, nameWidth)}${pad(property.level, 10)}${cells.join('')}`.trimEnd())
  }
  return lines
}
