import type { ClientUnderTest } from '../clients/client-under-test.js'
import { versionInstalls } from './version-installs.js'
import type { Property } from '../property/property.js'
import { fuzz, type FuzzStats, type Phase, type PropertyResult } from '../runner/fuzz.js'
import type { VersionedClient } from './installable-named.js'

/** What `matrix` is told: the client and its versions, what runs on each, and where progress goes. */
export interface MatrixOptions {
  client: VersionedClient
  /** The versions to run, oldest first (this shard's share already taken). */
  versions: readonly string[]
  properties: readonly Property[]
  phases: readonly Phase[]
  runs: number
  seed: number
  timeoutMs: number
  shrink: boolean
  /** Installs at once, ahead of the version being tested. */
  jobs: number
  log(line: string): void
  /** Called as each version finishes (its results, or why it could not run). */
  onVersion?(version: string, outcome: VersionOutcome): void
}

/** One version's part of the matrix. */
export type VersionOutcome =
  | { kind: 'ran'; client: ClientUnderTest; results: PropertyResult[]; trials: number; stats: FuzzStats }
  | { kind: 'unavailable'; reason: string }

/**
 * Runs the same search on each version of one client (a column per version): each version's
 * install starts up to `jobs` ahead of the one under test, so installs overlap the runs.
 *
 * @example
 * const outcomes = await runMatrix({ client, versions: ['1.4.0', '1.8.0'], properties, phases: ['coverage'], runs: 0, seed: 0, timeoutMs: 5000, shrink: false, jobs: 2, log })
 */
export async function runMatrix(options: MatrixOptions): Promise<Map<string, VersionOutcome>> {
  const { client, versions } = options
  const installs = versionInstalls(client.installable, client.withoutOAuth, options.log)
  // Always NAME@VERSION: a column per version, whichever is the pinned one.
  const install = async (version: string) => {
    const made = await installs.get(version)
    return made instanceof Error ? made : { ...made, name: `${client.name}@${version}` }
  }
  const outcomes = new Map<string, VersionOutcome>()
  for (const [index, version] of versions.entries()) {
    // Installs run ahead: this one and the next jobs − 1.
    for (const ahead of versions.slice(index, index + options.jobs)) void install(ahead)
    const made = await install(version)
    let outcome: VersionOutcome
    if (made instanceof Error) outcome = { kind: 'unavailable', reason: made.message.split('\n')[0]!.slice(0, 300) }
    else {
      options.log(`running ${made.name} …`)
      const stats: FuzzStats = { trials: 0 }
      const results = await fuzz({
        clients: [made],
        properties: options.properties,
        runs: options.runs,
        phases: options.phases,
        seed: options.seed,
        timeoutMs: options.timeoutMs,
        shrink: options.shrink,
        stats,
      })
      outcome = { kind: 'ran', client: made, results, trials: stats.trials, stats }
    }
    outcomes.set(version, outcome)
    options.onVersion?.(version, outcome)
  }
  return outcomes
}

/** The statistics of the versions' runs as one run's: counts added (clients, hence versions, keep their own entries). */
export function combinedStats(all: readonly FuzzStats[]): FuzzStats & { trials: number } {
  const total: FuzzStats & { trials: number } = { trials: 0 }
  const add = (target: Record<string, number>, source: Record<string, number> = {}) => {
    for (const [key, count] of Object.entries(source)) target[key] = (target[key] ?? 0) + count
  }
  for (const stats of all) {
    total.trials += stats.trials
    if (stats.phases) add((total.phases ??= { coverage: 0, random: 0 }), stats.phases)
    if (stats.outcomes) add((total.outcomes ??= { completed: 0, 'client-error': 0, timeout: 0 }), stats.outcomes)
    if (stats.clientErrors) add((total.clientErrors ??= {}), stats.clientErrors)
    Object.assign((total.dimensions ??= {}), stats.dimensions)
  }
  return total
}
