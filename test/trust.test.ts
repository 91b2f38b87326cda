import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmodSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLI, ROOT, run } from './helpers/cli.js'
import { tempDir } from './helpers/tmp.js'

// Issue 22 (shared/reports/reliability-2026-12-04.md): the classes, each with a test that failed before.
const dir = tempDir()
const isRoot = process.getuid?.() === 0

/** The CLI with its own environment (a cache of the test's choosing). */
function cliWith(env: Record<string, string>, ...args: string[]) {
  return run('/usr/bin/env', [...Object.entries(env).map(([k, v]) => `${k}=${v}`), process.execPath, CLI, ...args])
}

describe('one way to write: a target that is not a regular file is refused, never renamed over', () => {
  const fuzzTo = (flag: string, target: string) =>
    cliWith({}, 'fuzz', '--client', 'faulty:drops-headers', '--runs', '1', ...(flag === '--found-dir' ? [] : ['--found-dir', 'none']), flag, target)

  it('a device node (a symlink to /dev/null, and a node made with mknod when root) stays a device', async () => {
    const link = join(dir, 'null-link')
    symlinkSync('/dev/null', link)
    const targets = [link]
    if (isRoot) {
      const node = join(dir, 'null-node')
      spawnSync('mknod', ['-m', '666', node, 'c', '1', '3'])
      targets.push(node)
    }
    for (const target of targets) {
      for (const flag of ['--junit', '--html', '--summary']) {
        const result = await fuzzTo(flag, target)
        expect(result.code, `${flag} ${target}`).toBe(2)
        expect(result.stderr).toContain(`${flag} ${target}: cannot write there (is a device node, not a regular file)`)
      }
    }
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true)
    if (isRoot) expect(lstatSync(join(dir, 'null-node')).isCharacterDevice()).toBe(true)
  })

  it('a FIFO, /dev/stdout, a /proc path and a dangling symlink are refused before the run', async () => {
    const fifo = join(dir, 'fifo')
    spawnSync('mkfifo', [fifo])
    const dangling = join(dir, 'dangling')
    symlinkSync(join(dir, 'nowhere'), dangling)
    for (const [flag, target, reason] of [
      ['--junit', fifo, 'is a FIFO'],
      ['--html', '/dev/stdout', '/proc'],
      ['--junit', '/proc/foo.xml', 'is inside /proc'],
      ['--summary', '/proc/self/foo.md', 'is inside /proc'],
      ['--found-dir', dangling, 'is a symlink to nothing that exists'],
    ] as const) {
      const result = await fuzzTo(flag, target)
      expect(result.code, `${flag} ${target}`).toBe(2)
      expect(result.stderr).toContain(reason)
      // Refused before the run: no trial was started.
      expect(result.stdout).not.toContain('coverage phase')
    }
  })

  it('export --har - writes to standard output; a symlink to a regular file is followed, the link kept', async () => {
    const har = await cliWith({}, 'export', 'recordings/claude-code-7290-http.json', '--har', '-')
    expect(har.code).toBe(0)
    expect(JSON.parse(har.stdout).log.version).toBe('1.2')
    const real = join(dir, 'real.har')
    writeFileSync(real, 'old')
    const link = join(dir, 'link.har')
    symlinkSync(real, link)
    expect((await cliWith({}, 'export', 'recordings/claude-code-7290-http.json', '--har', link)).code).toBe(0)
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    expect(JSON.parse(readFileSync(real, 'utf8')).log.version).toBe('1.2')
  })
})

describe('trusted local state', () => {
  it('a client folder planted in a cache others can write to is never run', async () => {
    const cache = join(dir, 'shared-cache')
    const planted = join(cache, 'mcp-auth-harness', 'clients', 'go-sdk-1.8.0')
    mkdirSync(planted, { recursive: true })
    const marker = join(dir, 'PLANTED-RAN')
    writeFileSync(join(planted, 'client'), `#!/bin/sh\ntouch ${marker}\n`, { mode: 0o755 })
    // The marker names the package's adapter digest: anyone can compute it, so it proves nothing.
    const digest = createHash('sha256').update(readFileSync(join(ROOT, 'clients/go-sdk/main.go'))).digest('hex').slice(0, 16)
    writeFileSync(join(planted, 'installed'), `go-sdk 1.8.0 adapter ${digest}\n`)
    for (const folder of [cache, join(cache, 'mcp-auth-harness'), join(cache, 'mcp-auth-harness', 'clients'), planted]) chmodSync(folder, 0o777)
    if (isRoot) spawnSync('chown', ['-R', '65534', join(cache, 'mcp-auth-harness')])
    const result = await cliWith({ XDG_CACHE_HOME: cache }, 'fuzz', '--client', 'go-sdk', '--runs', '1', '--found-dir', 'none')
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/mcp-auth-harness is not safe to use: it is (owned by uid 65534|writable by group and others)/)
    expect(() => lstatSync(marker)).toThrow()
  })

  it('a CA folder others can write to, a key readable by others, and a key that is a symlink are refused', async () => {
    const record = (caDir: string) =>
      cliWith({}, 'record', '--forward-proxy', '--port', '0', '--ca-dir', caDir, '--out', join(dir, 'ca.json'), '--duration', '0.2')
    const open = join(dir, 'ca-open')
    mkdirSync(open, { mode: 0o777 })
    chmodSync(open, 0o777)
    expect((await record(open)).stderr).toContain(`${open} is not safe to use: it is writable by group and others (mode 0777)`)
    const ca = join(dir, 'ca')
    mkdirSync(ca, { mode: 0o700 })
    const key = join(ca, 'mcp-auth-harness-ca.key')
    writeFileSync(key, 'x', { mode: 0o644 })
    chmodSync(key, 0o644)
    const wide = await record(ca)
    expect(wide.code).toBe(2)
    expect(wide.stderr).toContain('is readable by others (mode 0644)')
    expect(lstatSync(key).mode & 0o777).toBe(0o644)
    spawnSync('rm', [key])
    const victim = join(dir, 'victim')
    writeFileSync(victim, '', { mode: 0o666 })
    symlinkSync(victim, key)
    const linked = await record(ca)
    expect(linked.code).toBe(2)
    expect(linked.stderr).toContain('it is a symlink')
    expect(readFileSync(victim, 'utf8')).toBe('')
    spawnSync('rm', [key])
    await record(ca)
    expect(lstatSync(key).mode & 0o777).toBe(0o600)
  })
})
