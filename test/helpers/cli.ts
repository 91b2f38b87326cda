import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const CLI = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url))
export const DENO = fileURLToPath(new URL('../../node_modules/.bin/deno', import.meta.url))

export interface Ran {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * How long a command may run before the test gives up on it. Generous: what these tests check is
 * the verdict, not the speed (that is `npm run bench`), and a default run that takes 15 s on a quiet
 * machine takes several times that beside four busy loops on 2 cores.
 */
export const COMMAND_LIMIT_MS = 300_000

/** Runs a command from the repo root and collects its output (the built CLI must exist: `npm test` builds first). */
export function run(command: string, args: string[], timeoutMs = COMMAND_LIMIT_MS): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/**
 * The CLI under the Node that runs the tests (the repo's Node 24). A `fuzz` that names no
 * `--found-dir` gets a folder of its own, removed after: the default one is the repo's example
 * database, and a test that saved a counterexample there would change what later runs replay first.
 */
export async function cli(...args: string[]): Promise<Ran> {
  if (args[0] !== 'fuzz' || args.some((arg) => arg === '--found-dir' || arg.startsWith('--found-dir=')))
    return run(process.execPath, [CLI, ...args])
  const found = mkdtempSync(join(tmpdir(), 'mcp-auth-harness-found-'))
  try {
    return await run(process.execPath, [CLI, ...args, '--found-dir', found])
  } finally {
    rmSync(found, { recursive: true, force: true })
  }
}

/**
 * Starts a long-running command (a proxy, a server) and resolves `ready` with the first match of
 * `pattern` in its stdout; `exited` resolves with its exit code.
 */
export function spawnUntil(command: string, args: string[], pattern: RegExp) {
  const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      stdout += chunk
      const match = pattern.exec(stdout)
      if (match) resolve(match[1]!)
    })
    void exited.then(() => reject(new Error(`${command} exited before it was ready: ${stdout}${stderr}`)))
  })
  return { child, ready, exited, output: () => stdout + stderr }
}
