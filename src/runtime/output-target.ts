// Where an output may go. A rename replaces whatever is at its target, so a device node, a FIFO,
// a socket or a symlink into /proc must be refused before anything is written, not clobbered.
import { constants } from 'node:fs'
import { access, lstat, readlink, stat } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { InputError } from '../core/errors.js'
import { checkedRealpath, MAX_LINK_HOPS, untrustedLink } from './checked-realpath.js'

/** `-` as a file flag's value: standard output. */
export const STDOUT = '-'

/** Kernel views, not places for files: writing there changes the system or the process. */
const KERNEL_FOLDERS = ['/proc', '/sys']

function insideKernelFolder(path: string): string | undefined {
  return KERNEL_FOLDERS.find((folder) => path === folder || path.startsWith(`${folder}/`))
}

function kindOf(info: {
  isDirectory(): boolean
  isFile(): boolean
  isFIFO(): boolean
  isSocket(): boolean
  isCharacterDevice(): boolean
  isBlockDevice(): boolean
}): string {
  if (info.isDirectory()) return 'a folder'
  if (info.isFIFO()) return 'a FIFO'
  if (info.isSocket()) return 'a socket'
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device node'
  return info.isFile() ? 'a file' : 'not a regular file'
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path)
    return true
  } catch {
    // lstat failing means nothing is there (or it cannot be seen), which is what we ask.
    return false
  }
}

/** The real path of folder `dir`, the part that does not exist yet kept as written; checked writable. */
async function realFolder(dir: string): Promise<string> {
  let existing = dir
  const rest: string[] = []
  while (!(await exists(existing))) {
    rest.unshift(basename(existing))
    existing = dirname(existing)
  }
  let real: string
  try {
    real = await checkedRealpath(existing)
  } catch (error) {
    // A link another user planted in a shared folder is refused by name.
    if ((error as NodeJS.ErrnoException).code === undefined) throw error
    // A dangling symlink as a folder on the way: nothing real to create the output in.
    throw new Error(`${existing} is a symlink to nothing that exists`, { cause: error })
  }
  const info = await stat(real)
  if (!info.isDirectory()) throw new Error(`${existing} is ${kindOf(info)}`)
  const folder = insideKernelFolder(real)
  if (folder) throw new Error(`is inside ${folder}, which is not a place for files`)
  try {
    await access(real, constants.W_OK)
  } catch {
    // access() rejecting is its answer: not writable for this user.
    throw new Error(`${existing} is not writable`)
  }
  return join(real, ...rest)
}

/**
 * The real place an output at `path` lands, following symlinks one hop at a time so that a hop
 * through /proc (`/dev/stdout` → `/proc/self/fd/1` → a pipe or a terminal) is seen, not resolved
 * away. Throws a plain Error (the reason) when the target must not be written.
 */
async function realTarget(path: string, kind: 'file' | 'dir'): Promise<string> {
  let current = resolve(path)
  let viaLink = false
  for (let hop = 0; hop < MAX_LINK_HOPS; hop++) {
    current = join(await realFolder(dirname(current)), basename(current))
    const folder = insideKernelFolder(current)
    if (folder) throw new Error(`${viaLink ? 'leads into' : 'is inside'} ${folder}, which is not a place for files`)
    let info
    try {
      info = await lstat(current)
    } catch {
      // Nothing there yet: it will be created here, unless a symlink promised something that is not.
      if (viaLink) throw new Error('is a symlink to nothing that exists')
      return current
    }
    if (!info.isSymbolicLink()) {
      if (kind === 'file' && !info.isFile())
        throw new Error(info.isDirectory() ? 'is a folder' : `is ${kindOf(info)}, not a regular file`)
      if (kind === 'dir' && !info.isDirectory()) throw new Error(info.isFile() ? 'is a file' : `is ${kindOf(info)}, not a folder`)
      return current
    }
    // In /tmp another user's link would make this user's output land where that user chose.
    const untrusted = await untrustedLink(current, info.uid)
    if (untrusted) throw new Error(untrusted)
    viaLink = true
    current = resolve(dirname(current), await readlink(current))
  }
  throw new Error(`is a chain of more than ${MAX_LINK_HOPS} symlinks`)
}

/**
 * Why `path` cannot take an output (`kind: 'file'`) or hold outputs (`kind: 'dir'`), or undefined
 * when it can. Asked before a long run, so nothing is lost at its end, and again at the write.
 *
 * @example
 * await outputTargetProblem('/dev/null', 'file') // 'is a device node, not a regular file'
 */
export async function outputTargetProblem(path: string, kind: 'file' | 'dir'): Promise<string | undefined> {
  if (path === STDOUT) return kind === 'dir' ? `"${STDOUT}" (standard output) is not a folder` : undefined
  try {
    await realTarget(path, kind)
    return undefined
  } catch (error) {
    return (error as Error).message
  }
}

/**
 * The real path an output at `path` is written to (symlinks to regular files followed, so a rename
 * replaces the file and not the link, unless another user planted the link in a folder others may
 * write to), or an InputError (exit 2) naming the path and why not.
 */
export async function checkedOutputTarget(path: string, kind: 'file' | 'dir'): Promise<string> {
  try {
    return await realTarget(path, kind)
  } catch (error) {
    throw new InputError(`${path}: cannot write there (${(error as Error).message})`, { cause: error })
  }
}
