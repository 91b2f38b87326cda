/** What one version did on the bisect's test: like the older end, unlike it, or nothing judgeable. */
export type VersionState = 'old' | 'new' | 'skip'

/** The outcome of a search over versions ordered oldest first, the oldest in state `old`, the newest in `new`. */
export interface SearchOutcome {
  /** The newest version known to behave like the oldest one. */
  lastOld: string
  /** The first version known to behave like the newest one. */
  firstNew: string
  /** Versions strictly between those two that could not be judged: the change is in one of them or in firstNew. */
  untestable: string[]
  /** Versions tested, in the order they were. */
  tested: string[]
}

export interface SearchSteps {
  /** Makes the versions ready at once (installs them concurrently); a version it cannot make ready is tested as 'skip'. */
  prepare(versions: readonly string[]): Promise<void>
  /** Tests one version. */
  test(version: string): Promise<VersionState>
}

/**
 * Finds where behaviour changes between the ends of `versions` (oldest first; the caller has
 * established that the first is `old` and the last `new`). Each round picks `width` versions evenly
 * spread over the open interval, prepares them together (installs run concurrently), then tests
 * them oldest first and stops the round at the first `new`: the ones above it are past the change.
 * With width 1 this is binary search; with width w it needs about log_(w+1) rounds and, on
 * average, no more tests. A version that cannot be judged is skipped and the round's spread is
 * taken again around it, as `git bisect skip` does.
 *
 * @example
 * await searchVersions(['1.0', '1.1', '1.2', '1.3'], 2, { prepare: install, test: judge })
 * // { lastOld: '1.1', firstNew: '1.2', untestable: [], tested: ['1.1', '1.2'] }
 */
export async function searchVersions(versions: readonly string[], width: number, steps: SearchSteps): Promise<SearchOutcome> {
  let low = 0
  let high = versions.length - 1
  const skipped = new Set<number>()
  const tested: string[] = []
  for (;;) {
    const open = range(low + 1, high).filter((i) => !skipped.has(i))
    if (open.length === 0) break
    const picks = spread(open, Math.max(1, width))
    await steps.prepare(picks.map((i) => versions[i]!))
    for (const index of picks) {
      const state = await steps.test(versions[index]!)
      tested.push(versions[index]!)
      if (state === 'skip') skipped.add(index)
      else if (state === 'old') low = index
      else {
        high = index
        break
      }
    }
  }
  return {
    lastOld: versions[low]!,
    firstNew: versions[high]!,
    untestable: range(low + 1, high).map((i) => versions[i]!),
    tested,
  }
}

/** The whole numbers from `from` up to, not including, `to`. */
function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k)
}

/** `count` entries of `items` (sorted) at even spacing, as a (count+1)-section would cut them; all of them when there are few. */
function spread(items: readonly number[], count: number): number[] {
  if (items.length <= count) return [...items]
  const picks = new Set<number>()
  for (let k = 1; k <= count; k++) picks.add(items[Math.floor((k * items.length) / (count + 1))]!)
  return [...picks].sort((a, b) => a - b)
}
