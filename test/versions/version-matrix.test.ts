import { describe, expect, it } from 'vitest'
import { buildRunReport } from '../../src/report/run-report.js'
import { versionMatrixLines } from '../../src/report/version-matrix.js'
import { clientRegistration, headersAlwaysSent } from '../../properties/index.js'
import type { Property } from '../../src/property/property.js'
import type { PropertyResult } from '../../src/runner/fuzz.js'

/** A result without a counterexample: the table reads only the verdict. */
function result(version: string, property: Property, verdict: PropertyResult['verdict']): PropertyResult {
  return {
    client: `go-sdk@${version}`,
    property,
    verdict,
    runs: 10,
    phaseRuns: { coverage: 10, random: 0 },
    exercised: verdict === 'not-exercised' ? 0 : 5,
    outcomes: { completed: 10, 'client-error': 0, timeout: 0 },
    seed: 0,
  }
}

describe('the property × version table', () => {
  it('orders versions by semver, marks each cell, and says where a property changed', () => {
    const { report } = buildRunReport({
      results: [
        result('1.10.0', clientRegistration, 'violated'),
        result('1.9.0', clientRegistration, 'held'),
        result('1.4.0', clientRegistration, 'not-exercised'),
        ...['1.4.0', '1.9.0', '1.10.0'].map((v) => result(v, headersAlwaysSent, 'held')),
      ],
      expectations: new Map(),
      seed: 0,
      runs: 1,
      timeoutMs: 5000,
      trials: 30,
      startedAt: new Date(0).toISOString(),
      durationMs: 1,
      flags: [],
    })
    report.clients = [{ name: 'go-sdk@1.2.0', version: '1.2.0', unavailable: 'go build failed' }]
    const lines = versionMatrixLines(report)
    expect(lines[0]).toBe('property             1.2.0  1.4.0  1.9.0  1.10.0')
    expect(lines).toContain('client-registration  !      ·      ✓      ✗')
    expect(lines).toContain('headers-always-sent  !      ✓      ✓      ✓')
    expect(lines).toContain('  client-registration: ! 1.2.0, · 1.4.0, ✓ 1.9.0, ✗ 1.10.0')
    expect(lines.some((line) => line.startsWith('  headers-always-sent:'))).toBe(false)
    expect(lines).toContain('! 1.2.0: go build failed')
  })
})

describe('a matrix run as one run', () => {
  it('adds the versions’ statistics, each version keeping its own entries', async () => {
    const { combinedStats } = await import('../../src/versions/run-matrix.js')
    const total = combinedStats([
      {
        trials: 3,
        outcomes: { completed: 2, 'client-error': 1, timeout: 0 },
        clientErrors: { 'go-sdk@1.4.0: x': 1 },
        dimensions: { 'go-sdk@1.4.0': { auth: { none: 3 } } },
      },
      {
        trials: 2,
        outcomes: { completed: 2, 'client-error': 0, timeout: 0 },
        dimensions: { 'go-sdk@1.6.0': { auth: { oauth: 2 } } },
      },
    ])
    expect(total).toEqual({
      trials: 5,
      outcomes: { completed: 4, 'client-error': 1, timeout: 0 },
      clientErrors: { 'go-sdk@1.4.0: x': 1 },
      dimensions: { 'go-sdk@1.4.0': { auth: { none: 3 } }, 'go-sdk@1.6.0': { auth: { oauth: 2 } } },
    })
  })
})
