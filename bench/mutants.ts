// The mutant benchmark: every faulty reference client against the property it exists to violate,
// over 10 seeds, with the coverage phase then 10 random trials (what `--runs 10` does), beside the
// random phase alone with 100 trials (the search before the coverage phase) as the baseline.
import { FAULTY_CASES } from '../properties/witnesses.js'
import { fuzz, type Phase } from '../src/runner/fuzz.js'

export const MUTANT_SEEDS = Array.from({ length: 10 }, (_, i) => i + 1)

export interface MutantRow {
  client: string
  property: string
  /** Per seed: trials until the property failed, or null when it never did. */
  trials: Array<number | null>
  /** Of the detections, how many in the coverage phase. */
  inCoverage: number
}

/** Trials to first failure of one faulty client's own property, per seed, no shrinking. */
async function detect(phases: readonly Phase[], runs: number): Promise<MutantRow[]> {
  const rows: MutantRow[] = []
  for (const { client, property } of FAULTY_CASES) {
    const row: MutantRow = { client: client.name, property: property.id, trials: [], inCoverage: 0 }
    for (const seed of MUTANT_SEEDS) {
      const [result] = await fuzz({
        clients: [client],
        properties: [property],
        runs,
        seed,
        phases,
        timeoutMs: 5000,
        shrink: false,
      })
      const found = result!.verdict === 'violated'
      row.trials.push(found ? result!.runs : null)
      if (found && result!.counterexample!.phase === 'coverage') row.inCoverage += 1
    }
    rows.push(row)
  }
  return rows
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)]!
}

/** Table lines: per mutant, detection rate and trials to detection (min/median/max), both searches. */
export function mutantLines(withCoverage: MutantRow[], randomOnly: MutantRow[]): string[] {
  const stat = (row: MutantRow) => {
    const found = row.trials.filter((t): t is number => t !== null)
    const rate = `${found.length}/${row.trials.length}`
    return found.length === 0
      ? `${rate.padStart(6)}${'-'.padStart(14)}`
      : `${rate.padStart(6)}${`${Math.min(...found)}/${median(found)}/${Math.max(...found)}`.padStart(14)}`
  }
  const lines = [
    `${'faulty client × own property'.padEnd(66)}${'coverage + 10 random'.padStart(20)}${'random only, 100'.padStart(20)}`,
    `${''.padEnd(66)}${'found  min/med/max'.padStart(20)}${'found  min/med/max'.padStart(20)}`,
  ]
  withCoverage.forEach((row, i) =>
    lines.push(`${`${row.client} × ${row.property}`.padEnd(66)}${stat(row).padStart(20)}${stat(randomOnly[i]!).padStart(20)}`),
  )
  const total = (rows: MutantRow[]) => rows.flatMap((r) => r.trials)
  const rate = (rows: MutantRow[]) => {
    const all = total(rows)
    return `${all.filter((t) => t !== null).length}/${all.length}`
  }
  const coverageFinds = withCoverage.reduce((n, r) => n + r.inCoverage, 0)
  lines.push(
    `detection: ${rate(withCoverage)} with the coverage phase (${coverageFinds} of them within it), ${rate(randomOnly)} with 100 random trials alone`,
  )
  return lines
}

/** Runs both searches over every mutant and seed. */
export async function mutantBenchmark(): Promise<{ withCoverage: MutantRow[]; randomOnly: MutantRow[]; lines: string[] }> {
  const withCoverage = await detect(['coverage', 'random'], 10)
  const randomOnly = await detect(['random'], 100)
  return { withCoverage, randomOnly, lines: mutantLines(withCoverage, randomOnly) }
}
