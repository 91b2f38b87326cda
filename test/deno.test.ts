import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLI, DENO, run } from './helpers/cli.js'
import { tempDir } from './helpers/tmp.js'

// The same built CLI under Deno (from the `deno` devDependency): interception, SDK clients and verdicts.
describe('under Deno', () => {
  it('fuzz runs the SDK clients and every property holds', async () => {
    // Random trials only: what is in question is the runtime, not the search (npm test runs the coverage phase on Node).
    const args = ['fuzz', '--phases', 'random', '--runs', '20', '--seed', '11']
    const { code, stdout, stderr } = await run(DENO, ['run', '-A', CLI, ...args])
    expect(stderr).not.toMatch(/error/i)
    expect(code).toBe(0)
    expect(stdout).toMatch(/^headers-always-sent +EXPECTED( +✓\d+){7}$/m)
    expect(stdout).toContain('no unexpected violation')
  })

  it('fuzz catches a faulty client, so interception really works there, exits 1, and replays it first next time', async () => {
    const found = tempDir()
    const fuzzStream = (...more: string[]) =>
      run(DENO, [
        'run',
        '-A',
        CLI,
        'fuzz',
        '--client',
        'faulty:no-headers-on-stream',
        '--property',
        'headers-always-sent',
        '--found-dir',
        found,
        ...more,
      ])
    const { code, stdout } = await fuzzStream('--runs', '30', '--seed', '11')
    expect(code).toBe(1)
    expect(stdout).toMatch(/request #\d+ GET \S+ lacked configured header/)
    // The example database under Deno: the saved counterexample is replayed before a 1-trial run.
    const again = await fuzzStream('--phases', 'random', '--runs', '1', '--seed', '1')
    expect(again.code).toBe(1)
    expect(again.stdout).toContain('1 replayed first: 1 still fail')
  })

  it('fuzz with a cmd: client (real ports, processes, temp config files) works under Deno too', async () => {
    const client = `cmd:${process.execPath} test/fixtures/config-file-client.mjs {config}`
    const { code, stdout } = await run(DENO, [
      'run',
      '-A',
      CLI,
      'fuzz',
      '--client',
      client,
      '--runs',
      '3',
      '--seed',
      '11',
      '--phases',
      'random',
      '--property',
      'headers-always-sent',
    ])
    expect(stdout).toMatch(/^headers-always-sent +EXPECTED +✓\d+$/m)
    expect(code).toBe(0)
  })

  it('a module: client runs in a thread of its own there too: a TypeScript adapter is judged, a busy loop is a timed-out trial', async () => {
    const dir = tempDir()
    const busy = join(dir, 'busy.mjs')
    writeFileSync(busy, "export default { name: 'busy', transports: ['streamable-http'], run: async () => { for (;;) {} } }\n")
    const fuzz = (client: string, ...more: string[]) =>
      run(DENO, ['run', '-A', CLI, 'fuzz', '--client', client, '--phases', 'random', '--found-dir', 'none', ...more])
    const adapter = await fuzz(
      'module:test/fixtures/my-adapter.ts',
      '--runs',
      '5',
      '--seed',
      '11',
      '--property',
      'headers-always-sent',
    )
    expect(adapter.stdout).toMatch(/^headers-always-sent +EXPECTED +✓\d+$/m)
    expect(adapter.code).toBe(0)
    const spinning = await fuzz(`module:${busy}`, '--runs', '2', '--timeout', '1000')
    expect(spinning.stdout).toContain('sessions 0 completed, 0 client error, 2 timeout')
  })

  it("the docs' Deno.test example passes under the bundled Deno", async () => {
    const { code, stdout, stderr } = await run(DENO, ['test', '-A', '--no-check', 'examples/deno/fuzz_client_test.ts'])
    expect(code, stdout + stderr).toBe(0)
    // Deno colours its report: ANSI escape sequences start with the ESC control character.
    // oxlint-disable-next-line no-control-regex
    expect(stdout.replace(/\u001b\[[0-9;]*m/g, '')).toMatch(/ok \| 2 passed \| 0 failed/)
  })
})
