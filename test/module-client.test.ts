import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from './helpers/cli.js'
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
