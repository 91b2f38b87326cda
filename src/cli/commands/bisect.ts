import type { CommandModule } from 'yargs'
import type { CliCommand } from '../cli-command.js'
import { propertyById } from '../../../properties/index.js'
import type { Property } from '../../property/property.js'
import { loadRecording } from '../../recording/load-recording.js'
import { DEFAULT_TIMEOUT_MS, type PropertyResult } from '../../runner/fuzz.js'
import { cpuCount, onFatalSignal, writeErr, writeOut } from '../../runtime/process.js'
import { killLiveProcessGroups } from '../../runtime/child-process.js'
import { removeLiveTempDirs } from '../../runtime/files.js'
import { DEFAULT_FOUND_DIR, saveCounterexample } from '../../report/save-counterexample.js'
import { shellQuote } from '../../report/shell-quote.js'
import { bisect, type BisectResult } from '../../versions/bisect.js'
import { installableNamed, supportedVersions, type VersionedClient } from '../../versions/installable-named.js'
import { versionsBetween } from '../../versions/version-range.js'
import { counterexampleTest, coveragePhaseTest, type VersionRun, type VersionTest } from '../../versions/version-test.js'
import { checkMilliseconds } from '../check-number-options.js'
import { checkOutputPath } from '../check-output-path.js'
import { EXIT, UsageError } from '../usage-error.js'

interface BisectArgs {
  client: string
  good: string
  bad: string
  input?: string
  property?: string
  timeout?: number
  repeat: number
  jobs?: number
  'found-dir': string
}

/** The test the flags name: a counterexample file's input, or one property's coverage phase. */
async function chosenTest(args: BisectArgs): Promise<{ test: VersionTest; file?: string }> {
  if ((args.input === undefined) === (args.property === undefined))
    throw new UsageError(
      'name what decides good from bad: --input FILE (a saved counterexample) or --property ID (its coverage phase), one of them',
    )
  if (!Number.isInteger(args.repeat) || args.repeat < 1 || args.repeat > 20)
    throw new UsageError(`--repeat must be a whole number from 1 to 20, got ${args.repeat}`)
  if (args.timeout !== undefined) checkMilliseconds('--timeout', args.timeout)
  if (args.property !== undefined) {
    let property: Property
    try {
      property = propertyById(args.property)
    } catch (error) {
      throw new UsageError((error as Error).message)
    }
    return { test: coveragePhaseTest(property, { timeoutMs: args.timeout ?? DEFAULT_TIMEOUT_MS }) }
  }
  const file = args.input!
  const recording = await loadRecording(file)
  const info = recording.counterexample
  if (!info)
    throw new UsageError(`${file} is a recording, not a counterexample: --input takes a file fuzz saved (recordings/found/…)`)
  let property: Property
  try {
    property = propertyById(info.property)
  } catch (error) {
    throw new UsageError(`${file}: $.counterexample.property: ${(error as Error).message}`)
  }
  const timeoutMs = args.timeout ?? info.timeoutMs ?? DEFAULT_TIMEOUT_MS
  return { test: counterexampleTest(recording, file, property, { timeoutMs, times: args.repeat }), file }
}

/** One version's verdict line: `  1.12.0   VIOLATED   violated on coverage input #37: …`. */
function verdictLine(version: string, run: VersionRun): string {
  const word = { violated: 'VIOLATED', held: 'held', 'not-judged': 'skipped' }[run.state]
  return `  ${version.padEnd(12)} ${word.padEnd(9)} ${run.detail}\n`
}

/** The result, as a maintainer reads it: the release, its dependencies, the traffic that changed, how to see it again. */
async function printResult(
  client: VersionedClient,
  result: BisectResult,
  args: BisectArgs,
  file: string | undefined,
  test: VersionTest,
): Promise<void> {
  const { outcome, direction, firstChanged } = result
  const role = direction === 'regression' ? 'bad' : 'fixed'
  const released = firstChanged.releasedAt ? `, released ${firstChanged.releasedAt.slice(0, 10)}` : ''
  const previous = direction === 'regression' ? 'last good' : 'last bad'
  if (outcome.untestable.length > 0)
    writeOut(
      `\nthe first ${role} version is one of ${[...outcome.untestable, outcome.firstNew].join(', ')} (${outcome.untestable.length} could not be judged; ${previous}: ${outcome.lastOld})\n`,
    )
  else writeOut(`\nfirst ${role} version: ${client.name} ${outcome.firstNew}${released} (${previous}: ${outcome.lastOld})\n`)
  const resolved = Object.entries(firstChanged.dependencies ?? {}).map(([name, version]) => `${name} ${version}`)
  if (resolved.length) writeOut(`  installed with: ${resolved.join(', ')}\n`)
  const tested = result.runs.size
  const trials = [...result.runs.values()].reduce((sum, run) => sum + run.trials, 0)
  writeOut(`  ${tested} versions tested, ${trials} sessions\n`)
  const violating = result.violating
  if (violating) {
    const [older, newer] = direction === 'regression' ? [outcome.lastOld, outcome.firstNew] : [outcome.lastOld, outcome.firstNew]
    writeOut(`\ndeciding input: ${violating.label}\n`)
    for (const v of violating.violations.slice(0, 3)) writeOut(`  - ${v.message}\n`)
    if (result.diff.length > 0) {
      writeOut(`\ntraffic on that input, ${older} (-) against ${newer} (+):\n`)
      for (const line of result.diff) writeOut(`  ${line}\n`)
    }
  }
  const violatedAt = direction === 'regression' ? outcome.firstNew : outcome.lastOld
  const versioned = `${client.name}@${violatedAt}`
  let saved = file
  if (!saved && violating?.input && args['found-dir'] !== 'none') {
    const found: PropertyResult = {
      client: versioned,
      property: test.property,
      verdict: 'violated',
      runs: 1,
      phaseRuns: { coverage: 1, random: 0 },
      exercised: 1,
      outcomes: { completed: 0, 'client-error': 0, timeout: 0, [violating.trial.outcome.kind]: 1 },
      seed: 0,
      counterexample: {
        phase: 'coverage',
        seed: 0,
        path: /#(\d+)/.exec(violating.label)?.[1] ?? '0',
        label: violating.label,
        input: violating.input,
        shrinks: 0,
        trial: violating.trial,
        violations: violating.violations,
      },
    }
    saved = await saveCounterexample(found, args['found-dir'], { timeoutMs: args.timeout ?? DEFAULT_TIMEOUT_MS })
  }
  writeOut('\nreproduce:\n')
  if (saved) writeOut(`  npx mcp-auth-harness replay ${shellQuote(saved)} --client ${versioned}\n`)
  writeOut(`  npx mcp-auth-harness fuzz --client ${versioned} --property ${test.property.id} --phases coverage\n`)
}

/** Runs `bisect` and returns the exit code: 0 the release was found, 1 only narrowed (versions that could not be judged), 2 usage. */
export async function runBisectCommand(args: BisectArgs): Promise<number> {
  const client = installableNamed(args.client, 'bisect')
  if (args.good === args.bad) throw new UsageError('--good and --bad name the same version')
  await checkOutputPath('--found-dir', args['found-dir'] === 'none' ? undefined : args['found-dir'], 'dir')
  if (args.jobs !== undefined && (!Number.isInteger(args.jobs) || args.jobs < 1 || args.jobs > 16))
    throw new UsageError(`--jobs must be a whole number from 1 to 16, got ${args.jobs}`)
  const { test, file } = await chosenTest(args)
  const versions = versionsBetween(await supportedVersions(client, [args.good, args.bad]), args.good, args.bad, client.name)
  const width = args.jobs ?? cpuCount()
  writeOut(
    `mcp-auth-harness bisect: ${client.name}, ${versions.length} released versions from ${versions[0]} to ${versions.at(-1)} (${args.good} good, ${args.bad} bad); on each: ${test.what}; ${width} install(s) at a time\n\n`,
  )
  const runs = new Map<string, VersionRun>()
  // Ctrl-C: no install or client outlives the run, no half-made folder is left in the cache, and what was learnt is printed.
  const removeSignalHandlers = onFatalSignal((signal) => {
    const stopped = killLiveProcessGroups()
    const removed = removeLiveTempDirs()
    writeErr(
      `\nmcp-auth-harness: ${signal}: stopped ${stopped} process group(s), removed ${removed} unfinished folder(s); the cache keeps only complete installs\n`,
    )
    if (runs.size > 0) writeErr(`tested so far: ${[...runs].map(([v, run]) => `${v} ${run.state}`).join(', ')}\n`)
  })
  try {
    const result = await bisect({
      installable: client.installable,
      withoutOAuth: client.withoutOAuth,
      versions,
      good: args.good,
      bad: args.bad,
      test,
      width,
      log: (line) => writeErr(`  ${line}\n`),
      verdict: (version, run) => {
        runs.set(version, run)
        writeOut(verdictLine(version, run))
      },
    })
    // A run a signal cut short is not presented: the signal's handler ends the process.
    await removeSignalHandlers()
    await printResult(client, result, args, file, test)
    return result.outcome.untestable.length > 0 ? EXIT.violated : EXIT.ok
  } finally {
    void removeSignalHandlers()
  }
}

const module: CommandModule<object, BisectArgs> = {
  command: 'bisect',
  describe: 'Find the release of a client where a property started (or stopped) being violated',
  builder: (yargs) =>
    yargs
      .option('client', {
        type: 'string',
        demandOption: true,
        describe:
          'An installed client (python-sdk, go-sdk, rust-sdk, java-sdk, claude-code, codex, gemini-cli, opencode, mcp-remote); no version',
      })
      .option('good', { type: 'string', demandOption: true, describe: 'A released version where the property holds' })
      .option('bad', {
        type: 'string',
        demandOption: true,
        describe: 'A released version where it is violated (older than --good: the first fixed version is sought)',
      })
      .option('input', {
        type: 'string',
        describe: 'A saved counterexample (recordings/found/…): its concrete input decides each version',
      })
      .option('property', {
        type: 'string',
        describe: 'A property id: its coverage phase decides each version (first violation stops it)',
      })
      .option('repeat', {
        type: 'number',
        default: 1,
        describe: 'With --input, replays per version: violated in any is bad (for a flaky bug)',
      })
      .option('timeout', {
        type: 'number',
        describe: `Per-session timeout in ms (default: the counterexample's, else ${DEFAULT_TIMEOUT_MS})`,
      })
      .option('jobs', {
        type: 'number',
        describe: 'Versions installed at once per round, then tested in turn (default: the number of cores)',
      })
      .option('found-dir', {
        type: 'string',
        default: DEFAULT_FOUND_DIR,
        describe:
          'With --property, where the deciding input of the first bad version is saved (a counterexample); "none" to save nothing',
      })
      .example(
        '$0 bisect --client go-sdk --good 1.4.0 --bad 1.8.0 --property client-registration',
        'which release started registering on the MCP origin (1.6.0)',
      )
      .example(
        '$0 bisect --client go-sdk --good 1.8.0 --bad 1.4.0 --property iss-checked',
        'good newer than bad: the first fixed release (1.7.0)',
      )
      .example(
        '$0 bisect --client claude-code --good 1.0.40 --bad 1.0.108 --input recordings/found/claude-code--headers-always-sent--coverage3.json',
        "a saved counterexample's input decides each version, one session each",
      )
      .epilogue(
        'Exit codes: 0 the release was found, 1 narrowed only (versions between could not be installed or judged), 2 usage or input error.',
      ),
  handler: () => undefined,
}

export const bisectCommand: CliCommand<BisectArgs> = { module, run: runBisectCommand }
