import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from './helpers/cli.js'
import { tempDir } from './helpers/tmp.js'

// Issue 36 §6 (reliability-2026-12-07, finding 13): an expected-failures file that cannot mean
// what it says is an input error before the run, not an expected failure whose reproduce line exits 2.
const dir = tempDir()

function entriesFile(name: string, entry: Record<string, unknown>): string {
  const file = join(dir, name)
  writeFileSync(
    file,
    JSON.stringify({
      failures: [{ client: 'faulty:drops-headers', property: 'headers-always-sent', reason: 'a test entry', ...entry }],
    }),
  )
  return file
}

const fuzzWith = (file: string) =>
  cli(
    'fuzz',
    '--client',
    'faulty:drops-headers',
    '--property',
    'headers-always-sent',
    '--phases',
    'random',
    '--runs',
    '2',
    '--seed',
    '1',
    '--expected-failures',
    file,
  )

describe('an expected-failures entry that cannot mean what it says', () => {
  it('a seed and path that do not fit (a 64-step path) is exit 2 naming the entry, even when the client does violate', async () => {
    const ran = await fuzzWith(entriesFile('misfit.json', { seed: 1, path: `3:${Array(64).fill('9').join(':')}` }))
    expect(ran.code).toBe(2)
    expect(ran.stderr).toMatch(
      /the expected failure faulty:drops-headers × headers-always-sent: path 3:9:9.* does not fit seed 1/,
    )
  })

  it('a path that fits still works: the violation is expected', async () => {
    const ran = await fuzzWith(entriesFile('fits.json', { seed: 1, path: '0' }))
    expect(ran.stdout).toMatch(/~ headers-always-sent/)
    expect(ran.code).toBe(0)
  })

  it.each(['', '   '])('versions %j (it would mean every version) is exit 2', async (versions) => {
    const ran = await fuzzWith(entriesFile(`versions-${versions.length}.json`, { seed: 1, path: '0', versions }))
    expect(ran.code).toBe(2)
    expect(ran.stderr).toContain('$.failures[0].versions: a semver range of client versions')
  })
})
