import { PROPERTIES, propertyById } from '../../properties/index.js'
import type { ClientUnderTest } from '../clients/client-under-test.js'
import { resolveClient, type ResolvedClient } from '../resolve/resolve-client.js'
import type { ClientReads } from '../clients/command-client.js'
import type { Property, Violation } from '../property/property.js'
import { counterexampleReport } from '../report/text-report.js'
import { runFuzz } from './fuzz-run.js'
import { leavingNoTrace } from './leave-no-trace.js'
import { expectedEntry, loadExpectedFailures, type ExpectedFailure } from '../runner/expected-failures.js'
import { DEFAULT_RUNS, DEFAULT_TIMEOUT_MS, type Phase, type PropertyResult } from '../runner/fuzz.js'
import type { Trial } from '../core/trial.js'
import { judgeTrial } from '../property/judge.js'
import { HarnessError, InputError } from '../core/errors.js'
import { pathProblem } from '../runner/replay-path.js'
import { buildRunReport, judgedNothing } from '../report/run-report.js'
import { viewOfRunReport } from '../report/html/run-report-view.js'
import { writeHtmlReport } from '../report/html/write-html-report.js'

export interface FuzzClientOptions {
  /**
   * The client under test: a ClientUnderTest you wrote, or any name `fuzz --client` takes: a
   * built-in (`sdk-streamable`, `faulty:…`), an installable client (`python-sdk`, `claude-code@2.1.332`,
   * installed on first use), `cmd:COMMAND` or `module:PATH`.
   */
  client: ClientUnderTest | string
  /** The config file format for a `cmd:` client (as `fuzz --config-format`); default `claude`. */
  configFormat?: string
  /** What a `cmd:` client's program reads beyond URL, headers and transport (as `fuzz --client-reads`). */
  clientReads?: readonly ClientReads[]
  /** Properties (objects or ids); default: all of them. */
  properties?: ReadonlyArray<Property | string>
  /** Random-phase trials; default 50. The coverage phase (the same inputs every run) comes first. */
  runs?: number
  /** Which phases run; default `['coverage', 'random']` (`['random']` for a slow client in a quick test). */
  phases?: readonly Phase[]
  /** fast-check seed; default random (printed in the error, so a failure can be replayed). */
  seed?: number
  /** With `seed`, replays one random-phase trial: the `path` a printed counterexample names. */
  path?: string
  /** Per-trial timeout; default 5000 ms. */
  timeoutMs?: number
  /**
   * An expected-failures file (the `fuzz --expected-failures` format): its entries for this client
   * do not throw. By default a client given by name goes by the failures shipped for it, as `fuzz`
   * does (`resolveClient`'s `expectedFailures`); `'none'`: every violation throws.
   */
  expectedFailures?: string
  /**
   * The example database, as `fuzz --found-dir`: each counterexample is saved here, and the ones
   * saved here for this client (same name and version) are replayed first on the next call, judged
   * by every property. None by default: a test leaves no files behind unless told to.
   */
  foundDir?: string
  /** With `foundDir`: `false` saves counterexamples there but does not replay them first (as `fuzz --no-examples`). */
  examples?: boolean
  /** Also write the run as one self-contained HTML page here, whatever the verdict (as `fuzz --html`). */
  html?: string
  /**
   * Stops the run: the running trials end (their client processes too), none starts, and the call
   * rejects with the signal's reason, the process restored as after any other call.
   */
  signal?: AbortSignal
}

/**
 * Thrown by `fuzzClient` when the client violates a property: an assertion error whose message is
 * the full counterexample report (shrunk config and scenario, traffic, violations, reproduce command,
 * secrets redacted), so a test runner shows it as the failure.
 */
export class PropertyViolationError extends HarnessError {
  // Named AssertionError so test runners show it as a failed assertion, with the report as message.
  override name = 'AssertionError'
  readonly exitCode = 1
  constructor(
    readonly results: readonly PropertyResult[],
    /** Expected failures that no longer reproduce: the bug is fixed, the entry should go. */
    readonly stale: readonly PropertyResult[] = [],
    /** A client defined in the test (an object): its reproduce line is a `fuzzClient` call, the CLI cannot name it. */
    libraryClient = false,
  ) {
    const violated = results.length
      ? `${results.length} propert${results.length === 1 ? 'y' : 'ies'} violated by ${results[0]?.client}:\n\n${results
          .map((result) => counterexampleReport(result, [], { libraryClient }))
          .join('\n\n')}`
      : ''
    const fixed = stale.map(
      (result) =>
        `STALE expected failure: ${result.client} × ${result.property.id} no longer fails (fixed?): remove its entry from the expected-failures file`,
    )
    super([violated, ...fixed].filter(Boolean).join('\n\n'))
  }
}

/**
 * Thrown by `fuzzClient` when no property was exercised by any trial: the client sent no MCP
 * JSON-RPC request the properties could judge (it failed to start, or talked to another path).
 * A test that judged nothing must not pass, exactly as the CLI exits 1.
 */
export class NothingJudgedError extends HarnessError {
  override name = 'AssertionError'
  readonly exitCode = 1
  constructor(client: string, clientErrors: Record<string, number> = {}) {
    const errors = Object.entries(clientErrors)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([error, count]) => `\n  client error ×${count}: ${error}`)
    super(`nothing was judged: no trial of ${client} carried an MCP JSON-RPC request a property could judge${errors.join('')}`)
  }
}

/**
 * Fuzzes one client in a test: the coverage phase then random configs × mock servers, every
 * property judged, failures shrunk.
 * Resolves with every result when all hold (or fail only as expected); rejects with a
 * `PropertyViolationError` carrying the counterexample report otherwise, or naming an expected
 * failure that no longer reproduces (STALE: fixed, its entry should go), or with a
 * `NothingJudgedError` when no trial gave a property anything to judge, as the CLI does.
 *
 * @example
 * import { fuzzClient } from 'mcp-auth-harness'
 * test('my client sends its configured headers', async () => {
 *   await fuzzClient({ client: myClient, properties: ['headers-always-sent'], runs: 50 })
 * }, 60_000)
 */
export function fuzzClient(options: FuzzClientOptions): Promise<PropertyResult[]> {
  // Whatever the outcome, the process is left as it was: fetch, console, process.exit, listeners.
  return leavingNoTrace(() => fuzzClientRun(options))
}

async function fuzzClientRun(options: FuzzClientOptions): Promise<PropertyResult[]> {
  options.signal?.throwIfAborted()
  const resolved =
    typeof options.client === 'string'
      ? await resolveClient(options.client, {
          ...(options.configFormat ? { configFormat: options.configFormat } : {}),
          ...(options.clientReads ? { reads: options.clientReads } : {}),
        })
      : undefined
  try {
    return await fuzzResolved(options, resolved)
  } finally {
    // A client resolved here by name is this call's to release (a module client's threads).
    await resolved?.client.close?.()
  }
}

async function fuzzResolved(options: FuzzClientOptions, resolved: ResolvedClient | undefined): Promise<PropertyResult[]> {
  const client = resolved?.client ?? (options.client as ClientUnderTest)
  if (options.path !== undefined) {
    const problem =
      options.seed === undefined ? 'a path replays a trial of one seed: give the seed too' : pathProblem(options.path)
    if (problem) throw new InputError(`fuzzClient path ${JSON.stringify(options.path.slice(0, 80))}: ${problem}`)
  }
  const properties = (options.properties ?? PROPERTIES).map((p) => (typeof p === 'string' ? propertyById(p) : p))
  const file = options.expectedFailures
  let expected: ExpectedFailure[] = []
  if (file === undefined) expected = resolved?.expectedFailures ?? []
  else if (file !== 'none')
    expected = (await loadExpectedFailures(file)).filter((e) => expectedEntry([e], client.name, e.property))
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  // The same policy as the CLI (runFuzz): a listed failure that no longer reproduces is STALE and fails too.
  const run = await runFuzz({
    clients: [client],
    properties,
    runs: options.runs ?? DEFAULT_RUNS,
    ...(options.phases ? { phases: options.phases } : {}),
    timeoutMs,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.path === undefined ? {} : { path: options.path }),
    expectedFailures: expected,
    ...(options.foundDir ? { foundDir: options.foundDir } : {}),
    ...(options.foundDir && options.examples !== false ? { examplesDir: options.foundDir } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  })
  if (options.html) {
    const { report, redactors } = buildRunReport({
      results: run.results,
      clients: [client],
      expectations: run.expectations,
      saved: run.saved,
      seed: run.results[0]?.seed ?? options.seed ?? 0,
      runs: options.runs ?? DEFAULT_RUNS,
      timeoutMs,
      trials: run.stats.trials,
      stats: run.stats,
      startedAt: run.startedAt,
      durationMs: run.durationMs,
      flags: [],
    })
    await writeHtmlReport(options.html, viewOfRunReport(report), redactors)
  }
  if (run.violated.length + run.stale.length > 0)
    throw new PropertyViolationError(run.violated, run.stale, typeof options.client !== 'string')
  if (judgedNothing(run.results)) throw new NothingJudgedError(client.name, run.stats.clientErrors)
  return run.results
}

/**
 * The violations of `properties` in one trial (an empty list when each holds or is not exercised):
 * the check to put in your own fast-check property.
 *
 * @example
 * test.prop([trialInputArbitrary(['streamable-http'])])('headers', async ({ config, plan }) => {
 *   const trial = await runTrial(myClient, config, resolveScenario(config, plan), { timeoutMs: 5000 })
 *   expect(violationsOf(trial, [headersAlwaysSent])).toEqual([])
 * })
 */
export function violationsOf(trial: Trial, properties: readonly Property[] = PROPERTIES): Violation[] {
  return judgeTrial(trial, properties).flatMap((judgement) => judgement.violations)
}
