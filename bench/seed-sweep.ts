// The main command on many seeds: is `npx mcp-auth-harness fuzz` green whatever seed it draws?
// The coverage phase is the same on every run, so it runs once; the random phase runs per seed. A
// seed is red when its random phase meets a violation no expected failure lists (the default run's
// verdict on that seed, since the coverage phase's is the same on all of them). Each red seed's
// counterexample is saved for reading (bench-results/sweep-found/), to be fixed or listed.
import { PROPERTIES } from '../properties/index.js'
import type { ClientUnderTest } from '../src/clients/client-under-test.js'
import { runFuzz } from '../src/library/fuzz-run.js'
import { saveCounterexample } from '../src/report/save-counterexample.js'
import { expectedEntry, loadExpectedFailures } from '../src/runner/expected-failures.js'
import { DEFAULT_TIMEOUT_MS, fuzz, type PropertyResult } from '../src/runner/fuzz.js'

export interface SweepOptions {
  clients: readonly ClientUnderTest[]
  /** The first seed and how many. */
  from: number
  count: number
  /** Random-phase trials per client and seed (the default run's: 50). */
  runs: number
  foundDir: string
  log: (line: string) => void
}

export interface SeedSweep {
  seeds: number
  runs: number
  /** What the coverage phase (the same on every seed) fails: unexpected violations and STALE entries. */
  coverageRed: string[]
  /** Each red seed with what it met: `client × property`. */
  red: Array<{ seed: number; findings: string[] }>
  /** client → red seeds. */
  perClient: Record<string, number>
  seconds: number
}

/**
 * Runs the default run's policy once over the coverage phase, then the random phase of `count`
 * seeds, and counts the seeds whose random phase meets an unexpected violation.
 *
 * @example
 * const sweep = await seedSweep({ clients: DEFAULT_CLIENTS, from: 1, count: 200, runs: 50, foundDir, log: console.log })
 */
export async function seedSweep(options: SweepOptions): Promise<SeedSweep> {
  const started = performance.now()
  const expected = await loadExpectedFailures('expected-failures.json')
  const base = { clients: options.clients, properties: PROPERTIES, timeoutMs: DEFAULT_TIMEOUT_MS }
  const coverage = await runFuzz({ ...base, runs: options.runs, phases: ['coverage'], expectedFailures: expected })
  const coverageRed = [...coverage.violated, ...coverage.stale].map((r) => `${r.client} × ${r.property.id}`)
  options.log(`coverage phase: ${coverageRed.length === 0 ? 'green' : `RED: ${coverageRed.join(', ')}`}`)
  const red: SeedSweep['red'] = []
  const perClient: Record<string, number> = Object.fromEntries(options.clients.map((client) => [client.name, 0]))
  for (let seed = options.from; seed < options.from + options.count; seed++) {
    const known = (client: string, property: string) => expectedEntry(expected, client, property) !== undefined
    const results = await fuzz({ ...base, runs: options.runs, phases: ['random'], seed, known })
    const unexpected = results.filter((r) => r.verdict === 'violated' && !known(r.client, r.property.id))
    if (unexpected.length > 0) {
      red.push({ seed, findings: unexpected.map((r) => `${r.client} × ${r.property.id}`) })
      for (const client of new Set(unexpected.map((r) => r.client))) perClient[client] = (perClient[client] ?? 0) + 1
      for (const result of unexpected) await save(result, options.foundDir)
    }
    if ((seed - options.from + 1) % 10 === 0 || unexpected.length > 0)
      options.log(
        `seed ${seed}: ${unexpected.length === 0 ? 'green' : `RED ${unexpected.map((r) => `${r.client} × ${r.property.id}`).join(', ')}`} (${red.length} red so far)`,
      )
  }
  return {
    seeds: options.count,
    runs: options.runs,
    coverageRed,
    red,
    perClient,
    seconds: Math.round((performance.now() - started) / 1000),
  }
}

async function save(result: PropertyResult, dir: string): Promise<void> {
  await saveCounterexample(result, dir, { timeoutMs: DEFAULT_TIMEOUT_MS })
}

/** The sweep as lines for the bench's output and docs/benchmark.md. */
export function sweepLines(name: string, sweep: SeedSweep): string[] {
  return [
    `${name}: ${sweep.seeds} seeds × ${sweep.runs} random trials per client, ${sweep.seconds} s: ${sweep.red.length} seed(s) red; coverage phase ${sweep.coverageRed.length === 0 ? 'green' : `red (${sweep.coverageRed.join(', ')})`}`,
    `  red seeds per client: ${Object.entries(sweep.perClient)
      .map(([client, count]) => `${client} ${count}`)
      .join(', ')}`,
    ...sweep.red.map((r) => `  seed ${r.seed}: ${r.findings.join(', ')}`),
  ]
}
