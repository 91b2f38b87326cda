import { spawn } from 'node:child_process'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { describe, expect, it, vi } from 'vitest'
import { loadModuleClient } from '../src/clients/module-client.js'
import { CLI, cli } from './helpers/cli.js'
import { tempDir } from './helpers/tmp.js'

const dir = tempDir()

describe('module clients (module:)', () => {
  it('a TypeScript adapter module is loaded and fuzzed like a built-in client', async () => {
    const { code, stdout, stderr } = await cli(
      'fuzz',
      '--client',
      'module:test/fixtures/my-adapter.ts',
      '--runs',
      '20',
      '--seed',
      '2',
    )
    expect(stderr).toBe('')
    expect(code).toBe(0)
    // Named by its path, so the reproduce line loads it again.
    expect(stdout).toMatch(/^client: module:test\/fixtures\/my-adapter\.ts$/m)
    expect(stdout).toMatch(/^headers-always-sent +EXPECTED +✓\d+$/m)
  })

  it('a module that exports no client is a usage error naming what is expected', async () => {
    const file = join(dir, 'not-a-client.mjs')
    writeFileSync(file, 'export default { name: 42 }\n')
    const { code, stderr } = await cli('fuzz', '--client', `module:${file}`)
    expect(code).toBe(2)
    expect(stderr).toContain('must export (as default or as "client") an object with name')
    const missing = await cli('fuzz', '--client', 'module:./nope.ts')
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('module:./nope.ts could not be loaded')
  })
})

// Issue 36 §5 (reliability-2026-12-07, finding 9): a module: client ran in the harness's own thread,
// where a busy loop hung the run and kept its SIGTERM and SIGINT handlers from ever running.
describe('a module: client runs where it can be stopped', () => {
  const busy = join(dir, 'busy.mjs')
  const started = join(dir, 'busy-started')
  writeFileSync(
    busy,
    `import { writeFileSync } from 'node:fs'
export default {
  name: 'busy', transports: ['streamable-http'],
  run: async () => { writeFileSync(${JSON.stringify(started)}, 'x'); for (;;) {} },
}\n`,
  )

  /** fuzz's arguments for the busy client: random trials only, nothing saved. */
  const fuzzBusy = (runs: string, timeout: string) => [
    'fuzz',
    '--client',
    `module:${busy}`,
    '--phases',
    'random',
    '--runs',
    runs,
    '--timeout',
    timeout,
    '--found-dir',
    'none',
  ]

  it('a busy loop in run() is a timed-out trial, and the run ends', async () => {
    const result = await cli(...fuzzBusy('3', '1000'))
    expect(result.stdout).toContain('sessions 0 completed, 0 client error, 3 timeout')
    expect(result.code).toBe(1)
  })

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s during a busy loop ends the run, with its report marked incomplete (exit %i)', async (signal, code) => {
    rmSync(started, { force: true })
    const child = spawn(process.execPath, [CLI, ...fuzzBusy('50', '600000'), '--json'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk))
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
    await vi.waitFor(() => expect(existsSync(started)).toBe(true), { timeout: 120_000, interval: 100 })
    child.kill(signal)
    expect(await exited).toBe(code)
    expect(JSON.parse(stdout).incomplete).toMatchObject({ signal })
  })

  it('a busy loop or a top-level await that never settles while loading is a load error', async () => {
    const atImport = join(dir, 'busy-at-import.mjs')
    writeFileSync(atImport, 'for (;;) {}\n')
    const never = join(dir, 'never-settles.mjs')
    writeFileSync(never, 'await new Promise(() => {})\n')
    for (const file of [atImport, never])
      await expect(loadModuleClient(file, { loadTimeoutMs: 500 })).rejects.toThrow(
        /could not be loaded: it did not finish loading within 0\.5 s/,
      )
  })
})

describe('a module: client in the library', () => {
  it('fuzzClient ends the threads it started for a module: client when the call returns', async () => {
    const { fuzzClient } = await import('../src/index.js')
    const beats = join(dir, 'beats')
    const beating = join(dir, 'beating.mjs')
    writeFileSync(
      beating,
      `import { appendFileSync } from 'node:fs'
// A heartbeat for as long as the thread that loaded it lives.
setInterval(() => appendFileSync(${JSON.stringify(beats)}, 'x'), 20)
export default {
  name: 'beating', transports: ['streamable-http'],
  async run(config) {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'b', version: '1' } } })
    await (await fetch(config.url, { method: 'POST', headers: { ...config.headers, 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body })).text()
  },
}\n`,
    )
    await fuzzClient({ client: `module:${beating}`, properties: ['accept-headers'], phases: ['random'], runs: 3, seed: 1 })
    // Ended: the heartbeat stops (a live thread would have beaten some 25 times in half a second).
    await new Promise((resolve) => setTimeout(resolve, 100))
    const before = readFileSync(beats, 'utf8').length
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(readFileSync(beats, 'utf8').length).toBe(before)
  })
})
