import fc from 'fast-check'
import { trialInputArbitrary } from '../arbitraries/trial-input.js'
import { HarnessError, InputError } from '../core/errors.js'
import { concurrencyFor, firstFailing } from './first-failing.js'
import type { ClientUnderTest } from '../clients/client-under-test.js'
import type { TrialInput } from '../core/trial-input.js'
import type { Counterexample, FuzzOptions } from './fuzz-types.js'
import type { PropertySearch } from './property-search.js'

/** What the random phase draws for a client: its transports, and what its config can carry. */
function randomInputs(client: ClientUnderTest): fc.Arbitrary<TrialInput> {
  return trialInputArbitrary(client.transports, {
    oauthClientId: client.acceptsOAuthClientId !== false,
    ...(client.configurableHeaders ? { configurableHeaders: client.configurableHeaders } : {}),
  })
}

/**
 * Whether `path` names a trial of `seed`'s random phase for `client`: its first step an input drawn,
 * each later one a shrink that input's tree has. Decided without running a trial (every step is
 * taken as failing), so an expected-failures entry or a flag that could never replay is refused
 * before a run, not found out from a reproduce line that exits 2.
 *
 * @example
 * pathFits(client, 1, '5:7:3') // true
 */
export function pathFits(client: ClientUnderTest, seed: number, path: string): boolean {
  try {
    const details = fc.check(
      fc.property(randomInputs(client), () => false),
      { seed, path },
    )
    return details.counterexamplePath === path || (details.counterexamplePath?.startsWith(`${path}:`) ?? false)
  } catch {
    // fast-check throws "Unable to replay" for a step the tree does not have: that is the answer.
    return false
  }
}

/**
 * The random phase of one client × property: its own fast-check run of `runs` inputs of `seed` (or
 * the one input at `path`), shrunk by fast-check. Side by side (concurrency, shards), the seed's
 * inputs are drawn first and run in turn, and fast-check then shrinks from the first failing one.
 * Undefined when every input held; an InputError when `path` does not fit the seed.
 *
 * @example
 * const found = await randomPhase(search, { runs: 50, seed: 7 }, true)
 */
export async function randomPhase(
  search: PropertySearch,
  options: Pick<FuzzOptions, 'runs' | 'path' | 'concurrency' | 'shard' | 'signal'> & { seed: number },
  shrinking: boolean,
): Promise<Counterexample | undefined> {
  const { client } = search.cache
  const { property } = search
  search.phase = 'random'
  const arbitrary = randomInputs(client)
  let path = options.path
  if (path === undefined && (concurrencyFor(client, options) > 1 || (options.shard && options.shard.count > 1))) {
    const inputs = fc.sample(arbitrary, { seed: options.seed, numRuns: options.runs })
    const index = await firstFailing(
      inputs,
      { concurrency: concurrencyFor(client, options), ...(options.shard ? { shard: options.shard } : {}) },
      search.holds,
    )
    if (index === undefined) return undefined
    // Shrink from that input one trial at a time: fast-check replays run `index` and goes on from there.
    path = String(index)
  }
  const unfit = () =>
    new InputError(
      `path ${path} does not fit seed ${options.seed} for ${client.name} × ${property.id}: give one printed with a counterexample of this seed (fast-check could not replay it)`,
    )
  // Through a promise: fast-check throws a path it cannot walk synchronously.
  const details = await Promise.resolve()
    .then(() =>
      fc.check(fc.asyncProperty(arbitrary, search.holds), {
        numRuns: options.runs,
        seed: options.seed,
        endOnFailure: !shrinking,
        ...(path === undefined ? {} : { path }),
      }),
    )
    .catch((error: unknown) => {
      // A path from elsewhere (a flag, an expected-failures file) that this seed's tree does not have.
      if (error instanceof Error && error.message.startsWith('Unable to replay')) throw unfit()
      throw error
    })
  // Stopped: the predicate threw the signal's reason, which is no counterexample.
  options.signal?.throwIfAborted()
  if (path !== undefined && options.path !== undefined && details.numRuns === 0 && !details.failed) throw unfit()
  if (details.failed && search.failing && details.counterexamplePath !== null)
    return {
      phase: 'random',
      seed: details.seed,
      path: details.counterexamplePath,
      shrinks: details.numShrinks,
      ...search.failing,
    }
  if (details.failed && /Unable to replay/i.test(String(details.errorInstance ?? ''))) throw unfit()
  // The harness cannot drive the client at all (a program that never says ready): that error, as it is.
  if (details.failed && details.errorInstance instanceof HarnessError) throw details.errorInstance
  // The predicate threw: a harness bug, not a property verdict. Surface it loudly.
  if (details.failed)
    throw new Error(`fuzzing ${client.name} × ${property.id} failed inside the harness: ${String(details.errorInstance)}`)
  return undefined
}
