import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { commandProblem } from '../../src/runtime/child-process.js'
import { CLI, ROOT } from '../helpers/cli.js'

// Issue 36 §5 (reliability-2026-12-07, finding 8): Ctrl-C during `clients install` or a first-use
// install left the staging folder and an orphaned pip that went on writing into it.
describe.skipIf(Boolean(await commandProblem('python3')))('Ctrl-C during an install', () => {
  for (const command of [
    ['clients', 'install', 'python-sdk@1.20.0'],
    ['fuzz', '--client', 'python-sdk@1.20.0', '--runs', '1'],
  ])
    it(`${command.slice(0, 2).join(' ')}: no staging folder and no installer process are left`, async () => {
      const cache = mkdtempSync(join(tmpdir(), 'mcp-auth-harness-interrupt-'))
      const child = spawn(process.execPath, [CLI, ...command], {
        cwd: ROOT,
        env: { ...process.env, XDG_CACHE_HOME: cache },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let stderr = ''
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
      // Until pip is at work inside the staging folder.
      const clients = join(cache, 'mcp-auth-harness', 'clients')
      const installing = () => spawnSync('pgrep', ['-f', clients], { encoding: 'utf8' }).stdout.trim()
      for (let i = 0; i < 600 && installing() === ''; i++) await new Promise((r) => setTimeout(r, 100))
      expect(installing(), stderr).not.toBe('')
      child.kill('SIGINT')
      expect(await exited).toBe(130)
      expect(stderr).toMatch(/SIGINT: stopped \d+ process group\(s\), removed 1 unfinished folder\(s\)/)
      await new Promise((r) => setTimeout(r, 500))
      expect(installing()).toBe('')
      expect(readdirSync(clients).filter((name) => name.includes('.partial'))).toEqual([])
    }, 300_000)
})
