// File access, kept behind one module like the rest of the host process (`node:fs` works on Node and Deno).
import { constants, existsSync, rmSync, statSync } from 'node:fs'
import { access } from 'node:fs/promises'
import { appendFile, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { homedir, tmpdir } from 'node:os'
import process from 'node:process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export async function readText(path: string): Promise<string> {
  // A FIFO or device would block the read for ever (or never end): input files must be files.
  const info = await stat(path)
  if (!info.isFile()) throw Object.assign(new Error(`${path} is not a regular file`), { code: 'not a regular file' })
  return readFile(path, 'utf8')
}

/** Writes through a temporary file and a rename, so a crash never leaves half a recording. */
export async function writeTextAtomically(path: string, text: string, mode = 0o644): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const temporary = `${path}.${Math.random().toString(36).slice(2)}.tmp`
  await writeFile(temporary, text, { mode })
  await rename(temporary, path)
}

/** Appends to a file (creating it and its folder): CI summary files collect several runs. */
export async function appendText(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  await appendFile(path, text)
}

/**
 * Runs `body` with a fresh private temporary folder (mode 0700) and removes it afterwards, whatever
 * happens: trial config files hold the headers a client is configured with.
 */
export async function withTempDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'mcp-auth-harness-'))
  liveTempDirs.add(dir)
  try {
    return await body(dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
    liveTempDirs.delete(dir)
  }
}

/** Private temporary folders in use (trial config files): an interrupted run removes them. */
const liveTempDirs = new Set<string>()

/** Removes every private temporary folder still in use, at once (the process is about to exit); returns how many. */
export function removeLiveTempDirs(): number {
  const count = liveTempDirs.size
  for (const dir of liveTempDirs) rmSync(dir, { recursive: true, force: true })
  liveTempDirs.clear()
  return count
}

/** Writes a file readable by its owner only (0600). */
export async function writePrivateFile(path: string, text: string): Promise<void> {
  await writeFile(path, text, { mode: 0o600 })
}

/** Writes a script only its owner can read and run (0700). */
export async function writePrivateScript(path: string, text: string): Promise<void> {
  await writeFile(path, text, { mode: 0o700 })
}

/** The folder of this package (the nearest one above this module with a package.json). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir)
  return dir
}

/**
 * Why `path` cannot be written as a file (`kind: 'file'`) or used as a folder to write into
 * (`kind: 'dir'`), or undefined when it can: checked before a long run, so nothing is lost at its end.
 */
export async function outputProblem(path: string, kind: 'file' | 'dir'): Promise<string | undefined> {
  if (existsSync(path)) {
    const isDir = statSync(path).isDirectory()
    if (kind === 'file' && isDir) return 'is a folder'
    if (kind === 'dir' && !isDir) return 'is a file'
  }
  let existing = kind === 'dir' && existsSync(path) ? path : dirname(path)
  while (!existsSync(existing)) existing = dirname(existing)
  if (!statSync(existing).isDirectory()) return `${existing} is a file`
  try {
    await access(existing, constants.W_OK)
    return undefined
  } catch {
    // access() rejecting is its answer: not writable for this user.
    return `${existing} is not writable`
  }
}

/**
 * The per-user cache folder of this tool (`$XDG_CACHE_HOME/mcp-auth-harness`, else
 * `~/.cache/mcp-auth-harness`), or a sub-folder of it; created private (0700).
 */
export async function userCacheDir(...parts: string[]): Promise<string> {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache')
  const dir = join(base, 'mcp-auth-harness', ...parts)
  await mkdir(dir, { recursive: true, mode: 0o700 })
  return dir
}

/** Creates a folder (and its parents) readable by its owner only; returns it. */
export async function makePrivateDir(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 })
  return dir
}

/** A file's text, or undefined when it does not exist. */
export async function readTextIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}
