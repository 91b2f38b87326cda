import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'

const ROOT = resolve(import.meta.dirname, '..')
const DEPCRUISE = join(ROOT, 'node_modules/.bin/depcruise')

/** A copy of the sources with `planted` added, checked by the same rules as `npm run lint`. */
async function checkWith(planted: Record<string, string>): Promise<{ code: number | null; stdout: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'import-rules-'))
  dirs.push(dir)
  for (const part of ['src', 'properties', 'tsconfig.json', '.dependency-cruiser.cjs'])
    cpSync(join(ROOT, part), join(dir, part), { recursive: true })
  for (const [file, text] of Object.entries(planted)) writeFileSync(join(dir, file), text)
  return new Promise((done) =>
    execFile(DEPCRUISE, ['src', 'properties', '--config', '.dependency-cruiser.cjs'], { cwd: dir }, (error, stdout) =>
      done({ code: error ? Number(error.code ?? 1) : 0, stdout }),
    ),
  )
}

const dirs: string[] = []
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

// The import rules of .dependency-cruiser.cjs, which `npm test` runs over the real tree in lint.
describe('import rules', () => {
  it('the tree as it is passes', async () => {
    expect(await checkWith({})).toMatchObject({ code: 0 })
  })

  it('fail on a planted upward import (runner → report), type-only or not', async () => {
    const { code, stdout } = await checkWith({
      'src/runner/planted.ts': "import type { RunFacts } from '../report/run-report.js'\nexport type Planted = RunFacts\n",
    })
    expect(code).not.toBe(0)
    expect(stdout).toContain('layer:runner: src/runner/planted.ts → src/report/run-report.ts')
  })

  it('fail on a planted cycle inside one folder', async () => {
    const { code, stdout } = await checkWith({
      'src/core/planted-a.ts': "import type { B } from './planted-b.js'\nexport type A = B[]\n",
      'src/core/planted-b.ts': "import type { A } from './planted-a.js'\nexport type B = A | string\n",
    })
    expect(code).not.toBe(0)
    expect(stdout).toContain('no-circular')
  })
})
