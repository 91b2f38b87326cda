import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, onTestFinished } from 'vitest'

/** A temporary folder, removed after the test that made it (or, made while the file is collected, after its tests). */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-auth-harness-test-'))
  const remove = () => rmSync(dir, { recursive: true, force: true })
  // An afterAll registered inside a running test is never called: that left folders in /tmp.
  try {
    onTestFinished(remove)
  } catch {
    afterAll(remove)
  }
  return dir
}
