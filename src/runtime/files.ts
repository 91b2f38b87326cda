// File access, kept behind one module like the rest of the host process (`node:fs` works on Node and Deno).
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, rmSync } from 'node:fs'
import { appendFile, lstat, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { homedir, tmpdir } from 'node:os'
import process from 'node:process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { TRIAL_MARKER } from './child-process.js'
import { STDOUT, checkedOutputTarget } from './output-target.js'
import { filterOutput, type OutputFormat, writeOut } from './process.js'
import { trustedDir } from './trusted-dir.js'

export async function readText(path: string): Promise<string> {
  // A FIFO or device would block the read for ever (or never end): input files must be files.
  const info = await stat(path)
  if (!info.isFile()) throw Object.assign(new Error(`${path} is not a regular file`), { code: 'not a regular file' })
  return readFile(path, 'utf8')
}

/**
 * Writes `text` to `path` through a temporary file and a rename, so a crash never leaves half a
 * file. `-` is standard output. A target that is not a regular file (a device node, FIFO, socket,
 * a symlink into /proc or to nothing) is refused with exit 2 and never renamed over; a symlink to a
 * regular file is followed, so the file changes and the link stays. This is how every output is written.
 *
 * @example
 * await writeTextAtomically(args.junit, junitXml(report))
 */
export async function writeTextAtomically(path: string, text: string, format: OutputFormat = 'text'): Promise<void> {
  if (path === STDOUT) return writeOut(text, format)
  await mkdir(dirname(resolve(path)), { recursive: true })
  const target = await checkedOutputTarget(path, 'file')
  const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`
  try {
    // Exclusive: a file planted under the temporary name is never written through.
    await writeFile(temporary, filterOutput(text, format), { mode: 0o644, flag: 'wx' })
    await checkedOutputTarget(target, 'file')
    await rename(temporary, target)
  } finally {
    await rm(temporary, { force: true })
  }
}

/** Appends to a file (creating it and its folder), with the same refusals: CI summary files collect several runs. */
export async function appendText(path: string, text: string): Promise<void> {
  if (path === STDOUT) return writeOut(text)
  await mkdir(dirname(resolve(path)), { recursive: true })
  await appendFile(await checkedOutputTarget(path, 'file'), filterOutput(text))
}

/**
 * Runs `body` with a fresh private temporary folder (mode 0700) and removes it afterwards, whatever
 * happens: trial config files hold the headers a client is configured with.
 */
export async function withTempDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  if (tempDirsClosed) throw new Error('not started: the run is stopping')
  const dir = await mkdtemp(join(tmpdir(), tempDirPrefix()))
  // Made while an interrupted run swept the folders: the sweep did not see it, so it goes now.
  if (tempDirsClosed) {
    await rm(dir, { recursive: true, force: true })
    throw new Error('not started: the run is stopping')
  }
  liveTempDirs.add(dir)
  try {
    return await body(dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
    liveTempDirs.delete(dir)
  }
}

/**
 * `mcp-auth-harness-`, with the outermost run marker of this process when it was started by a
 * run that marks its processes: such a run, stopped, removes its descendants' folders by name.
 */
export function tempDirPrefix(outer = process.env[TRIAL_MARKER]?.split(',')[0]): string {
  return outer && /^[\w-]{1,64}$/.test(outer) ? `mcp-auth-harness-${outer}-` : 'mcp-auth-harness-'
}

/** Removes the temporary folders of processes started under run marker `marker` (see tempDirPrefix); returns how many. */
export function removeMarkedTempDirs(marker: string): number {
  const prefix = tempDirPrefix(marker)
  const dirs = readdirSync(tmpdir()).filter((name) => name.startsWith(prefix))
  for (const name of dirs) rmSync(join(tmpdir(), name), { recursive: true, force: true })
  return dirs.length
}

/** Private temporary folders in use (trial config files): an interrupted run removes them. */
const liveTempDirs = new Set<string>()

/**
 * Marks a folder this process is filling (a client's staging install) as one an interrupted run
 * removes with the temporary folders; returns the function that unmarks it when it is done.
 */
export function removeOnInterrupt(dir: string): () => void {
  liveTempDirs.add(dir)
  return () => liveTempDirs.delete(dir)
}

/** Set by the sweep of an interrupted run: no temporary folder is made after it. */
let tempDirsClosed = false

/**
 * Removes every private temporary folder still in use, at once (the process is about to exit), and
 * makes no more from then on (a trial starting meanwhile would leave one behind); returns how many.
 */
export function removeLiveTempDirs(): number {
  tempDirsClosed = true
  const count = liveTempDirs.size
  for (const dir of liveTempDirs) rmSync(dir, { recursive: true, force: true })
  liveTempDirs.clear()
  return count
}

/**
 * Creates a file readable by its owner only (0600), exclusively: a file or symlink already at
 * `path` is an error, never written through (trial configs, keys, markers).
 */
export async function writePrivateFile(path: string, text: string): Promise<void> {
  await writeFile(path, text, { mode: 0o600, flag: 'wx' })
}

/** Creates a script only its owner can read and run (0700), exclusively, like writePrivateFile. */
export async function writePrivateScript(path: string, text: string): Promise<void> {
  await writeFile(path, text, { mode: 0o700, flag: 'wx' })
}

/** Writes a file inside a folder the harness made for itself (an install's staging folder), exclusively. */
export async function writeOwnFile(path: string, text: string): Promise<void> {
  await writeFile(path, text, { flag: 'wx' })
}

/** The folder of this package (the nearest one above this module with a package.json). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir)
  return dir
}

/**
 * The per-user cache folder of this tool (`$XDG_CACHE_HOME/mcp-auth-harness`, else
 * `~/.cache/mcp-auth-harness`), or a sub-folder of it; created private (0700).
 */
export async function userCacheDir(...parts: string[]): Promise<string> {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache')
  let dir = await trustedDir(join(base, 'mcp-auth-harness'))
  // Each folder on the way is checked: one writable by others could have the next swapped.
  for (const part of parts) dir = await trustedDir(join(dir, part))
  return dir
}

/**
 * The regular files directly in `dir` whose names end in `suffix`, sorted, as paths; none when the
 * folder does not exist. Links and folders are left out: what is read from here is another run's output.
 *
 * @example
 * const files = await listFiles('recordings/found', '.json')
 */
export async function listFiles(dir: string, suffix: string): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const files: string[] = []
  for (const name of names.filter((n) => n.endsWith(suffix)).sort()) {
    if ((await lstat(join(dir, name))).isFile()) files.push(join(dir, name))
  }
  return files
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
