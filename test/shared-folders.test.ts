import { chmodSync, lchownSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLI, run, spawnUntil } from './helpers/cli.js'
import { tempDir } from './helpers/tmp.js'

// Issue 36 §1 (shared/reports/reliability-2026-12-07.md, findings 1 and 2): another local user's
// symlink in a shared sticky folder (/tmp) is never followed by root, for outputs and for the cache.
// The other user is `nobody` (uid 65534): the links are handed to it with lchown, as root can.
const isRoot = process.getuid?.() === 0
const NOBODY = 65534
const dir = tempDir()

/** A folder like /tmp: anyone may write, the sticky bit on. */
function sharedFolder(name: string): string {
  const folder = join(dir, name)
  mkdirSync(folder)
  chmodSync(folder, 0o1777)
  return folder
}

/** A link at `link` to `target`, owned by nobody. */
function plantedLink(target: string, link: string): void {
  symlinkSync(target, link)
  lchownSync(link, NOBODY, NOBODY)
}

/** A file of root's that the attacker wants overwritten. */
function victim(name: string): string {
  const folder = join(dir, `victim-${name}`)
  mkdirSync(folder, { mode: 0o700 })
  const file = join(folder, 'secret')
  writeFileSync(file, 'keep me', { mode: 0o600 })
  return file
}

const fuzzWith = (env: Record<string, string>, ...args: string[]) =>
  run('/usr/bin/env', [...Object.entries(env).map(([k, v]) => `${k}=${v}`), process.execPath, CLI, 'fuzz', ...args])

describe.runIf(isRoot)('another user’s link in a shared folder is not followed', () => {
  it('--junit and --summary: a planted link is refused before the run, the file it names untouched', async () => {
    const shared = sharedFolder('outputs')
    const junitTarget = victim('junit')
    const summaryTarget = victim('summary')
    plantedLink(junitTarget, join(shared, 'junit.xml'))
    plantedLink(summaryTarget, join(shared, 'summary.md'))
    for (const [flag, file] of [
      ['--junit', 'junit.xml'],
      ['--summary', 'summary.md'],
    ] as const) {
      const ran = await fuzzWith(
        {},
        '--client',
        'faulty:drops-headers',
        '--runs',
        '1',
        '--found-dir',
        'none',
        flag,
        join(shared, file),
      )
      expect(ran.code).toBe(2)
      expect(ran.stderr).toMatch(/is a symlink owned by uid 65534 in .*: not followed \(the kernel's protected_symlinks rule\)/)
    }
    expect(readFileSync(junitTarget, 'utf8')).toBe('keep me')
    expect(readFileSync(summaryTarget, 'utf8')).toBe('keep me')
    expect(lstatSync(junitTarget).mode & 0o777).toBe(0o600)
  })

  it('--found-dir through a planted folder link is refused; a link of the user’s own there is followed', async () => {
    const shared = sharedFolder('found')
    const elsewhere = join(dir, 'elsewhere')
    mkdirSync(elsewhere)
    plantedLink(elsewhere, join(shared, 'found'))
    const refused = await fuzzWith({}, '--client', 'faulty:drops-headers', '--runs', '1', '--found-dir', join(shared, 'found'))
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('not followed')
    // The user's own link in the same folder is the user's choice.
    const own = join(dir, 'own-report.xml')
    writeFileSync(own, '')
    symlinkSync(own, join(shared, 'mine.xml'))
    const followed = await fuzzWith(
      {},
      '--client',
      'faulty:drops-headers',
      '--runs',
      '1',
      '--found-dir',
      'none',
      '--junit',
      join(shared, 'mine.xml'),
    )
    expect(followed.code).toBe(1)
    expect(readFileSync(own, 'utf8')).toContain('<testsuites')
  })

  it('a link planted during the run is refused at the write: the run ends with exit 2 and the file is untouched', async () => {
    const shared = sharedFolder('mid-run')
    const target = victim('mid-run')
    const junit = join(shared, 'junit.xml')
    const fuzz = spawnUntil(
      process.execPath,
      [
        CLI,
        'fuzz',
        '--client',
        'faulty:drops-headers',
        '--phases',
        'coverage',
        '--found-dir',
        'none',
        '--junit',
        junit,
        '--verbose',
      ],
      /(client)/,
    )
    await fuzz.ready
    // Checked before the run (nothing there then); the link comes while trials run.
    plantedLink(target, junit)
    const code = await fuzz.exited
    expect(code).toBe(2)
    expect(fuzz.output()).toContain('not followed')
    expect(readFileSync(target, 'utf8')).toBe('keep me')
  })

  it('the client cache: XDG_CACHE_HOME/mcp-auth-harness as another user’s link in a shared folder is refused', async () => {
    const shared = sharedFolder('cache')
    const rootsCache = join(dir, 'roots-cache')
    mkdirSync(rootsCache, { mode: 0o700 })
    plantedLink(rootsCache, join(shared, 'mcp-auth-harness'))
    const ran = await fuzzWith({ XDG_CACHE_HOME: shared }, '--client', 'go-sdk', '--runs', '1', '--found-dir', 'none')
    expect(ran.code).toBe(2)
    expect(ran.stderr).toMatch(/mcp-auth-harness is not safe to use: .*is a symlink owned by uid 65534/)
  })
})
