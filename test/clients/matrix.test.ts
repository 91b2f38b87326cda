import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli.js'
import { tempDir } from '../helpers/tmp.js'
import { commandProblem } from '../../src/runtime/child-process.js'

const noGo = Boolean(await commandProblem('go'))

describe('matrix over real releases', () => {
  it.skipIf(noGo)(
    'go-sdk 1.4.1 and 1.6.0 in two shards, merged: client-registration held, then violated',
    async () => {
      const dir = tempDir()
      const shards = ['1/2', '2/2'].map((shard, i) => ({ shard, file: join(dir, `m${i + 1}.json`) }))
      for (const { shard, file } of shards) {
        const run = await cli(
          'matrix',
          '--client',
          'go-sdk',
          '--versions',
          '1.4.1,1.6.0',
          '--property',
          'client-registration',
          '--shard',
          shard,
          '--json',
          file,
        )
        expect(run.code, run.stderr).toBe(shard === '1/2' ? 0 : 1)
      }
      const first = JSON.parse(readFileSync(shards[0]!.file, 'utf8'))
      expect(first.clients).toEqual([expect.objectContaining({ name: 'go-sdk@1.4.1', version: '1.4.1' })])
      const html = join(dir, 'matrix.html')
      const merged = await cli('matrix', '--merge', shards[0]!.file, shards[1]!.file, '--html', html)
      expect(merged.code, merged.stderr).toBe(1)
      expect(merged.stdout).toMatch(/^property +1\.4\.1 +1\.6\.0$/m)
      expect(merged.stdout).toMatch(/^client-registration +✓ +✗$/m)
      expect(merged.stdout).toMatch(/^ {2}client-registration: ✓ 1\.4\.1, ✗ 1\.6\.0$/m)
      expect(readFileSync(html, 'utf8')).toContain('go-sdk@1.6.0')
    },
    900_000,
  )
})
