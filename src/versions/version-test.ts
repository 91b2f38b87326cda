import type { TrialInput } from '../core/trial-input.js'
import type { ClientUnderTest } from '../clients/client-under-test.js'
import type { Trial } from '../core/trial.js'
import { jsonRpcMethod } from '../core/exchange.js'
import type { Property, Violation } from '../property/property.js'
import type { Recording } from '../recording/recording.js'
import { describeOutcome } from '../report/text-report.js'
import { fuzz, type FuzzStats } from '../runner/fuzz.js'
import { runTrial } from '../runner/run-trial.js'
import { resolveScenario } from '../scenario/resolve-scenario.js'
import { judge } from '../property/judge.js'
import { replayCounterexample } from '../runner/replay-counterexample.js'

/** The input that decided a version's verdict, and what it did there. */
export interface DecidingRun {
  input?: TrialInput
  /** What the input is: `coverage input #37: auth=oauth, oauth.pkce=absent`, or the counterexample file. */
  label: string
  trial: Trial
  violations: Violation[]
}

/** What one version did on the test. */
export interface VersionRun {
  state: 'violated' | 'held' | 'not-judged'
  /** One line: where it was violated, over how many inputs it held, or why nothing was judged. */
  detail: string
  /** The run that violated (or, for a held counterexample, its replay): its traffic goes into the difference. */
  deciding?: DecidingRun
  /** Sessions this test ran. */
  trials: number
}

/**
 * What `bisect` runs on each version: a counterexample's concrete input, or one property's
 * coverage phase. `again` runs the deciding input of another version on this one, for the traffic
 * difference between the last good and the first bad version.
 */
export interface VersionTest {
  property: Property
  /** What is run, for the headline: `the counterexample x.json`, `the coverage phase of headers-always-sent`. */
  what: string
  run(client: ClientUnderTest): Promise<VersionRun>
  again(client: ClientUnderTest, deciding: DecidingRun): Promise<DecidingRun | undefined>
}

/** The first line of the commonest client error, for a version whose sessions all failed. */
function commonestError(stats: FuzzStats): string {
  const [error, count] = Object.entries(stats.clientErrors ?? {}).sort((a, b) => b[1] - a[1])[0] ?? []
  return error ? `; client error ×${count}: ${error.replace(/^[^:]*: /, '').slice(0, 160)}` : ''
}

/**
 * Replays a saved counterexample (`fuzz` saved it in recordings/found/, or a colleague's CI did)
 * `times` times per version: violated in any replay is violated; held in each, judged each time,
 * is held.
 *
 * @example
 * const test = counterexampleTest(recording, 'found.json', property, { timeoutMs: 5000, times: 1 })
 */
export function counterexampleTest(
  recording: Recording,
  file: string,
  property: Property,
  options: { timeoutMs: number; times: number },
): VersionTest {
  const input = recording.counterexample?.input as TrialInput | undefined
  const label = `the counterexample ${file}`
  const transport = recording.config.transport
  const replay = async (client: ClientUnderTest) => {
    const { verdict, runs } = await replayCounterexample(recording, file, client, property, options)
    return { verdict, runs }
  }
  return {
    property,
    what: `${label} (${property.id}, ${options.times} replay${options.times === 1 ? '' : 's'} per version)`,
    async run(client) {
      if (!client.transports.includes(transport))
        return { state: 'not-judged', detail: `speaks no ${transport}, the counterexample's transport`, trials: 0 }
      const { verdict, runs } = await replay(client)
      const failing = runs.find((run) => run.violations.length > 0)
      const shown = failing ?? runs[0]!
      const deciding = { ...(input ? { input } : {}), label, trial: shown.trial, violations: shown.violations }
      if (verdict === 'STILL FAILING' || verdict === 'FLAKY')
        return {
          state: 'violated',
          detail: `${verdict === 'FLAKY' ? 'violated in some replays' : 'violated'}: ${failing!.violations[0]?.message.slice(0, 160) ?? ''}`,
          deciding,
          trials: runs.length,
        }
      if (verdict === 'FIXED') return { state: 'held', detail: `held in ${runs.length} replay(s)`, deciding, trials: runs.length }
      // The session ran (it sent MCP requests) but never did what the property judges: the violation
      // did not happen. A client that sent nothing (it did not start) tells nothing.
      if (runs.every((run) => run.trial.exchanges.some((exchange) => jsonRpcMethod(exchange.requestBody) !== undefined)))
        return {
          state: 'held',
          detail: `the violation did not occur in ${runs.length} replay(s): the session ran (${describeOutcome(shown.trial.outcome).slice(0, 60)}…) without what ${property.id} judges`,
          deciding,
          trials: runs.length,
        }
      return { state: 'not-judged', detail: `not judged (${describeOutcome(shown.trial.outcome)})`, trials: runs.length }
    },
    async again(client) {
      const { runs } = await replay(client)
      const run = runs[0]
      return run ? { ...(input ? { input } : {}), label, trial: run.trial, violations: run.violations } : undefined
    },
  }
}

/**
 * Runs one property's coverage phase per version, stopping at its first violation. The inputs that
 * decided other versions go first: a version with the same bug is then told in one session, and
 * only a version that holds pays for the whole phase.
 *
 * @example
 * const test = coveragePhaseTest(propertyById('headers-always-sent'), { timeoutMs: 5000 })
 */
export function coveragePhaseTest(property: Property, options: { timeoutMs: number; concurrency?: number }): VersionTest {
  const deciders: DecidingRun[] = []
  const runInput = async (client: ClientUnderTest, deciding: DecidingRun): Promise<DecidingRun | undefined> => {
    if (!deciding.input || !client.transports.includes(deciding.input.config.transport)) return undefined
    const { config, plan } = deciding.input
    const trial = await runTrial(client, config, resolveScenario(config, plan), { timeoutMs: options.timeoutMs })
    return { ...deciding, trial, violations: judge(property, trial).violations }
  }
  return {
    property,
    what: `the coverage phase of ${property.id} (stopping at its first violation)`,
    async run(client) {
      let trials = 0
      for (const known of deciders) {
        const again = await runInput(client, known)
        trials += 1
        if (again && again.violations.length > 0)
          return {
            state: 'violated',
            detail: `violated on ${known.label}: ${again.violations[0]!.message.slice(0, 160)}`,
            deciding: again,
            trials,
          }
      }
      const stats: FuzzStats = { trials: 0 }
      const [result] = await fuzz({
        clients: [client],
        properties: [property],
        runs: 1,
        phases: ['coverage'],
        timeoutMs: options.timeoutMs,
        shrink: false,
        stats,
        ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      })
      trials += stats.trials
      const ce = result?.counterexample
      if (result?.verdict === 'violated' && ce) {
        const deciding = {
          input: ce.input,
          label: `coverage input #${ce.path}: ${ce.label ?? ''}`,
          trial: ce.trial,
          violations: ce.violations,
        }
        deciders.push(deciding)
        return {
          state: 'violated',
          detail: `violated on ${deciding.label}: ${ce.violations[0]?.message.slice(0, 160) ?? ''}`,
          deciding,
          trials,
        }
      }
      if (result?.verdict === 'held')
        return { state: 'held', detail: `held on all ${result.runs} coverage inputs (${result.exercised} judged it)`, trials }
      return { state: 'not-judged', detail: `no coverage input exercised ${property.id}${commonestError(stats)}`, trials }
    },
    again: runInput,
  }
}
