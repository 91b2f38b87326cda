import type { ClientUnderTest } from '../clients/client-under-test.js'
import type { Property } from '../property/property.js'
import { saveCounterexample } from '../report/save-counterexample.js'
import { checkExpectations, expectedEntry, type Expectation, type ExpectedFailure } from '../runner/expected-failures.js'
import { fuzz, type FuzzOptions, type FuzzStats, type PropertyResult } from '../runner/fuzz.js'
import { judgeInput } from '../runner/judge-input.js'
import { pathFits } from '../runner/random-phase.js'
import { InputError } from '../core/errors.js'
import { readExampleDatabase, type ExampleSummary } from './example-database.js'

/** Replays of an expected failure's input before it may be called stale (it is stale only if one held). */
const STALE_AFTER_REPLAYS = 5

/** A fuzz run's options: the search (`fuzz`'s) plus the policy around it. */
export interface FuzzRunOptions extends Omit<FuzzOptions, 'known' | 'onResult' | 'stats'> {
  /** Filled as the run goes (an interrupted caller reads what it has so far); a fresh one when absent. */
  stats?: FuzzStats & { trials: number }
  /** Known failures (`expected-failures.json`): not failures of this run; an entry that no longer reproduces is STALE. */
  expectedFailures?: readonly ExpectedFailure[]
  /** Where each unexpected counterexample is saved as a recording (none when absent). */
  foundDir?: string
  /**
   * The example database: the counterexamples saved in this folder for these clients (same name
   * and version) are replayed first, judged by every property of the run. Usually `foundDir`.
   */
  examplesDir?: string
  /** The run's extra flags and config format, for the reproduce command in saved counterexamples. */
  reproduce?: { flags?: readonly string[]; configFormat?: string }
  /** Called (and awaited) as each client × property finishes, with how a listed failure fared. */
  onResult?: (result: PropertyResult, expectation: Expectation | undefined) => void | Promise<void>
}

/** What a fuzz run found, after the policy: expected failures matched, STALE ones found, counterexamples saved. */
export interface FuzzRun {
  results: PropertyResult[]
  /** How each listed failure fared (seen, reproduced from its input, or STALE). */
  expectations: Map<PropertyResult, Expectation>
  /** Violations no entry expects: what fails the run. */
  violated: PropertyResult[]
  /**
   * Listed failures that no longer reproduce in a version their entry names: a fixed bug, an entry
   * to remove; they fail the run too. (One fixed in a version the entry does not name is not here.)
   */
  stale: PropertyResult[]
  /** The file each unexpected counterexample was saved to (a stored example that still fails: its own file). */
  saved: Map<PropertyResult, string>
  /** With `examplesDir`: the stored examples replayed, and the files skipped. */
  examples?: ExampleSummary
  stats: FuzzStats & { trials: number }
  startedAt: string
  durationMs: number
}

/**
 * The one fuzz policy, for the CLI and the library alike: search (`fuzz`), then match expected
 * failures (a listed pair that did not fail is replayed from its input, and is STALE when a few
 * replays all pass), and save every unexpected counterexample.
 *
 * @example
 * const run = await runFuzz({ clients: [myClient], properties: PROPERTIES, runs: 50, timeoutMs: 5000 })
 * if (run.violated.length + run.stale.length > 0) process.exitCode = 1
 */
export async function runFuzz(options: FuzzRunOptions): Promise<FuzzRun> {
  const expected = options.expectedFailures ?? []
  const expectations = new Map<PropertyResult, Expectation>()
  const stats = options.stats ?? { trials: 0 }
  const startedAt = new Date().toISOString()
  const started = performance.now()
  for (const client of options.clients) {
    for (const entry of expected.filter((e) => !e.inputs && expectedEntry([e], client.name, e.property)))
      if (!pathFits(client, entry.seed!, entry.path!))
        throw new InputError(
          `the expected failure ${entry.client} × ${entry.property}: path ${entry.path!.slice(0, 80)} does not fit seed ${entry.seed} for ${client.name} (fast-check could not replay it): give its concrete "input" instead, or a seed and path printed with a counterexample`,
        )
  }
  const db = options.examplesDir ? await readExampleDatabase(options.examplesDir, options.clients) : undefined
  const results = await fuzz({
    ...options,
    ...(db ? { examples: (client) => db.byClient.get(client.name) ?? [] } : {}),
    stats,
    known: (client, property) => expectedEntry(expected, client, property) !== undefined,
    onResult: async (result) => {
      const replay = (entry: ExpectedFailure) => replayEntry(entry, result.client, options)
      const versionOf = (name: string) => options.clients.find((client) => client.name === name)?.version
      const [expectation] = (await checkExpectations([result], expected, replay, versionOf)).values()
      if (expectation) expectations.set(result, expectation)
      await options.onResult?.(result, expectation)
    },
  })
  const durationMs = Math.round(performance.now() - started)
  const violated = results.filter((result) => result.verdict === 'violated' && !expectations.has(result))
  const stale = results.filter((result) => expectations.get(result)?.status === 'stale')
  const saved = new Map<PropertyResult, string>()
  // A stored example that fails its own property again is in the database already.
  const storedFor = (result: PropertyResult) => {
    const ce = result.counterexample
    const stored = ce?.phase === 'example' ? db?.byClient.get(result.client)?.find((e) => e.file === ce.label) : undefined
    return stored?.property === result.property.id ? stored.file : undefined
  }
  for (const result of violated) {
    const file = storedFor(result)
    if (file) saved.set(result, file)
  }
  if (options.foundDir)
    for (const result of violated.filter((r) => !saved.has(r)))
      saved.set(
        result,
        await saveCounterexample(result, options.foundDir, {
          flags: options.reproduce?.flags ?? [],
          timeoutMs: options.timeoutMs,
          ...(options.reproduce?.configFormat ? { configFormat: options.reproduce.configFormat } : {}),
        }),
      )
  const examples = db && {
    dir: db.dir,
    replays: Object.values(stats.exampleReplays ?? {}).flat(),
    skipped: db.skipped,
    otherVersions: db.otherVersions,
  }
  return { results, expectations, violated, stale, saved, stats, startedAt, durationMs, ...(examples ? { examples } : {}) }
}

/** Replays an expected failure from its input (up to STALE_AFTER_REPLAYS times) or its seed and path, with this run's options. */
async function replayEntry(
  entry: ExpectedFailure,
  clientName: string,
  options: { clients: readonly ClientUnderTest[]; properties: readonly Property[]; runs: number; timeoutMs: number },
): Promise<PropertyResult> {
  const client = options.clients.find((c) => c.name === clientName)!
  const property = options.properties.find((p) => p.id === entry.property)!
  // An entry for several clients may carry an input per transport: each client replays those it can speak.
  const inputs = entry.inputs?.filter((input) => client.transports.includes(input.config.transport)) ?? []
  if (inputs.length > 0) {
    // A bug that depends on timing (a GET stream racing the session's end) may hide once under
    // load: the entry is stale only when none of a few replays shows it.
    // A replay that held is returned over one that never reached the rule (the evidence of a fix).
    let last: PropertyResult | undefined
    for (let attempt = 0; attempt < STALE_AFTER_REPLAYS; attempt++)
      for (const input of inputs) {
        const replayed = await judgeInput(client, property, input, { timeoutMs: options.timeoutMs })
        if (replayed.verdict === 'violated') return replayed
        if (!last || replayed.verdict === 'held') last = replayed
      }
    return last!
  }
  if (entry.seed === undefined || entry.path === undefined)
    // Inputs for other transports only: nothing this client can replay proves a fix.
    return {
      client: client.name,
      property,
      verdict: 'not-exercised',
      runs: 0,
      phaseRuns: { coverage: 0, random: 0 },
      exercised: 0,
      outcomes: { completed: 0, 'client-error': 0, timeout: 0 },
      seed: 0,
    }
  const [result] = await fuzz({
    clients: [client],
    properties: [property],
    runs: options.runs,
    seed: entry.seed!,
    path: entry.path!,
    timeoutMs: options.timeoutMs,
  })
  return result!
}
