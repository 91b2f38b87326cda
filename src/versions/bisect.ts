import type { ClientUnderTest } from '../clients/client-under-test.js'
import type { InstallableClient } from '../clients/provision/installable-client.js'
import { versionInstalls } from './version-installs.js'
import { InputError } from '../core/errors.js'
import { searchVersions, type SearchOutcome, type VersionState } from './bisect-search.js'
import { trafficDiff } from './traffic-diff.js'
import type { DecidingRun, VersionRun, VersionTest } from './version-test.js'

/** What `bisect` is told: the client, the ends of the range, the test, and where its lines go. */
export interface BisectOptions {
  installable: InstallableClient
  /** Run the SDK's adapter without its OAuth support (`NAME-no-oauth`). */
  withoutOAuth?: boolean
  /** The released versions from one end to the other, oldest first. */
  versions: readonly string[]
  /** The end that holds (it may be the newer one: then the search is for the first fixed version). */
  good: string
  bad: string
  test: VersionTest
  /** Versions installed at once per round (and tested in turn); default 1. */
  width?: number
  /** Progress: installs, each test starting (stderr). */
  log(line: string): void
  /** Each version's verdict as it comes (stdout). */
  verdict(version: string, run: VersionRun): void
}

export interface BisectResult {
  /** `regression`: good is older, the first bad version is sought; `fix`: the first good one. */
  direction: 'regression' | 'fix'
  outcome: SearchOutcome
  /** Every version that was tested, with what it did. */
  runs: ReadonlyMap<string, VersionRun>
  /** The client at the first version that behaves like the newer end. */
  firstChanged: ClientUnderTest
  /** The deciding input's run on the violating side of the change, and on the holding side. */
  violating?: DecidingRun
  holding?: DecidingRun
  /** The traffic of the deciding input, older version against newer. */
  diff: string[]
}

/**
 * Finds the release where a property started (or stopped) being violated: checks both ends, then
 * searches the releases between them, each installed faithfully, `width` installs at a time.
 * Versions that cannot be installed or judged are skipped. The deciding input is then run on the
 * other side of the change, so the difference in traffic shows what changed.
 *
 * @example
 * const result = await bisect({ installable: PYTHON_SDK, versions, good: '1.10.0', bad: '1.12.0', test, log, verdict })
 * result.outcome.firstNew // '1.12.0'
 */
export async function bisect(options: BisectOptions): Promise<BisectResult> {
  const { installable, versions, good, bad, test } = options
  const direction = versions.indexOf(good) < versions.indexOf(bad) ? 'regression' : 'fix'
  const runs = new Map<string, VersionRun>()
  const installs = versionInstalls(installable, options.withoutOAuth ?? false, options.log)
  const install = (version: string) => installs.get(version)
  const prepare = async (batch: readonly string[]) => {
    const fresh = batch.filter((version) => !installs.has(version))
    if (fresh.length > 0) options.log(`installing ${fresh.join(', ')} (${fresh.length} at once) …`)
    await Promise.all(batch.map(install))
  }
  const runVersion = async (version: string): Promise<VersionRun> => {
    const client = await install(version)
    let run: VersionRun
    if (client instanceof Error)
      run = { state: 'not-judged', detail: `could not be installed: ${client.message.split('\n')[0]!.slice(0, 200)}`, trials: 0 }
    else {
      options.log(`testing ${installable.name} ${version}: ${test.what} …`)
      run = await test.run(client)
    }
    runs.set(version, run)
    options.verdict(version, run)
    return run
  }
  const state = (run: VersionRun): VersionState => {
    if (run.state === 'not-judged') return 'skip'
    const violatedIsNew = direction === 'regression'
    return (run.state === 'violated') === violatedIsNew ? 'new' : 'old'
  }

  // Both ends first: a bisect whose premise is wrong would name a release that changed nothing.
  await prepare([good, bad])
  for (const [version, expected] of [
    [good, 'held'],
    [bad, 'violated'],
  ] as const) {
    const run = await runVersion(version)
    if (run.state === expected) continue
    const role = expected === 'held' ? '--good' : '--bad'
    throw new InputError(
      run.state === 'not-judged'
        ? `${role} ${version} could not be judged (${run.detail}): name a version the test can run on`
        : `${role} ${version} is not ${expected === 'held' ? 'good' : 'bad'}: ${run.detail}. Pick ${expected === 'held' ? 'a version where it held' : 'a version where it is violated'}, or check the test`,
    )
  }
  const outcome = await searchVersions(versions, options.width ?? 1, {
    prepare,
    test: async (version) => state(await runVersion(version)),
  })
  const firstChanged = await install(outcome.firstNew)
  if (firstChanged instanceof Error) throw firstChanged
  // The violating side's deciding run, and the same input on the version across the change.
  const violatingVersion = direction === 'regression' ? outcome.firstNew : outcome.lastOld
  const holdingVersion = direction === 'regression' ? outcome.lastOld : outcome.firstNew
  const violating = runs.get(violatingVersion)?.deciding
  let holding: DecidingRun | undefined
  const holdingClient = await install(holdingVersion)
  if (violating && !(holdingClient instanceof Error)) {
    options.log(`running the deciding input (${violating.label}) on ${holdingVersion} for the traffic difference …`)
    holding = await test.again(holdingClient, violating)
  }
  const [older, newer] = direction === 'regression' ? [holding, violating] : [violating, holding]
  const diff = older && newer ? trafficDiff(older.trial, newer.trial) : []
  return {
    direction,
    outcome,
    runs,
    firstChanged,
    ...(violating ? { violating } : {}),
    ...(holding ? { holding } : {}),
    diff,
  }
}
