import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { searchVersions, type VersionState } from '../../src/versions/bisect-search.js'

const VERSIONS = Array.from({ length: 20 }, (_, i) => `1.${i}.0`)

/** A search over VERSIONS where versions from `change` on are new, and `skips` cannot be judged. */
async function search(change: number, width: number, skips: ReadonlySet<number> = new Set()) {
  const prepared: string[][] = []
  const outcome = await searchVersions(VERSIONS, width, {
    prepare: async (batch) => void prepared.push([...batch]),
    test: async (version): Promise<VersionState> => {
      const index = VERSIONS.indexOf(version)
      return skips.has(index) ? 'skip' : index >= change ? 'new' : 'old'
    },
  })
  return { outcome, prepared }
}

describe('searchVersions', () => {
  it('finds the first new version for every change point and width, testing each version at most once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 19 }), fc.integer({ min: 1, max: 4 }), async (change, width) => {
        const { outcome, prepared } = await search(change, width)
        expect(outcome.firstNew).toBe(VERSIONS[change])
        expect(outcome.lastOld).toBe(VERSIONS[change - 1])
        expect(outcome.untestable).toEqual([])
        expect(new Set(outcome.tested).size).toBe(outcome.tested.length)
        // Never more prepared at once than asked for.
        for (const batch of prepared) expect(batch.length).toBeLessThanOrEqual(width)
      }),
    )
  })

  it('with one install at a time it is binary search: at most ⌈log2(18)⌉ + 1 tests for 18 versions between the ends', async () => {
    for (let change = 1; change < 20; change++) expect((await search(change, 1)).outcome.tested.length).toBeLessThanOrEqual(6)
  })

  it('skips versions that cannot be judged, and says the change is among them when they sit at the boundary', async () => {
    const around = await search(10, 2, new Set([9]))
    expect(around.outcome).toMatchObject({ lastOld: '1.8.0', firstNew: '1.10.0', untestable: ['1.9.0'] })
    const elsewhere = await search(10, 2, new Set([3, 15]))
    expect(elsewhere.outcome).toMatchObject({ lastOld: '1.9.0', firstNew: '1.10.0', untestable: [] })
  })

  it('ends without a test when the ends are neighbours', async () => {
    const outcome = await searchVersions(['1.0.0', '1.0.1'], 2, {
      prepare: async () => undefined,
      test: async () => {
        throw new Error('no version between the ends to test')
      },
    })
    expect(outcome).toEqual({ lastOld: '1.0.0', firstNew: '1.0.1', untestable: [], tested: [] })
  })
})
