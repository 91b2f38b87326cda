// Local state the harness reuses (installed clients it runs, the CA it signs with) is trusted only
// when no other user could have put it there: owned by this user, not writable by group or others.
import { lstat, mkdir, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import process from 'node:process'
import { InputError } from '../core/errors.js'
import { checkedRealpath } from './checked-realpath.js'

/** The owner and mode bits that make a folder or file trusted; undefined where the OS has no uids. */
function currentUid(): number | undefined {
  return typeof process.getuid === 'function' ? process.getuid() : undefined
}

const octal = (mode: number) => `0${(mode & 0o7777).toString(8)}`

/**
 * Why `info` (a folder or file at `path`) must not be trusted, or undefined when it may. `path` is
 * only named in the reason.
 */
function untrustedReason(info: { uid: number; mode: number }, uid: number): string | undefined {
  if (info.uid !== uid) return `it is owned by uid ${info.uid}, not by you (uid ${uid})`
  if (info.mode & 0o022)
    return `it is writable by ${info.mode & 0o020 ? 'group' : ''}${(info.mode & 0o022) === 0o022 ? ' and ' : ''}${info.mode & 0o002 ? 'others' : ''} (mode ${octal(info.mode)})`
  return undefined
}

function refuse(path: string, reason: string, fix: string): never {
  throw new InputError(
    `${path} is not safe to use: ${reason}; another user could plant what the harness runs or signs with. ${fix}`,
  )
}

/**
 * Creates `dir` (and its parents) private (0700) if missing, then checks it is this user's and
 * not writable by group or others, that no link on the way is another user's in a folder others
 * may write to, and that its parent cannot have it swapped (a folder writable by others needs the
 * sticky bit, as /tmp has). Returns its real path, resolved once and checked: what is run from it is
 * started by that path, never through a link someone could re-point between two starts. Exit 2
 * naming the folder and the fix otherwise.
 *
 * @example
 * const clients = await trustedDir(join(cacheRoot, 'clients'))
 */
export async function trustedDir(dir: string): Promise<string> {
  const uid = currentUid()
  // Checked before anything is created through the links on the way (a missing part is fine here).
  if (uid !== undefined)
    await checkedPath(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error
    })
  await mkdir(dir, { recursive: true, mode: 0o700 })
  if (uid === undefined) return dir
  const real = await checkedPath(dir)
  const info = await stat(real)
  if (!info.isDirectory()) refuse(dir, 'it is not a folder', `Remove it.`)
  const reason = untrustedReason(info, uid)
  if (reason)
    refuse(
      dir,
      reason,
      info.uid === uid ? `Fix: chmod go-w ${dir}` : `Fix: remove it, or use a folder of your own (XDG_CACHE_HOME, --ca-dir)`,
    )
  const parent = await stat(dirname(real))
  // In a folder anyone may write to and without the sticky bit, anyone may rename ours away and put theirs.
  if (parent.mode & 0o002 && !(parent.mode & 0o1000))
    refuse(
      dir,
      `its parent ${dirname(real)} is writable by others without the sticky bit (mode ${octal(parent.mode)})`,
      `Fix: chmod +t ${dirname(real)}, or use a folder of your own`,
    )
  return real
}

/** `checkedRealpath`, its refusal as exit 2 naming the folder and the fix. */
async function checkedPath(dir: string): Promise<string> {
  try {
    return await checkedRealpath(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== undefined) throw error
    return refuse(dir, (error as Error).message, 'Fix: remove that link, or use a folder of your own (XDG_CACHE_HOME, --ca-dir)')
  }
}

/**
 * Checks a program the harness is about to start from local state (an installed client's binary,
 * interpreter or adapter): followed through links under the protected_symlinks rule, the file it
 * names must be this user's or root's (a venv's `python` is a link to the system's) and writable by
 * no one else. Exit 2 naming it and the fix otherwise.
 *
 * @example
 * await checkTrustedProgram(join(dir, 'client'))
 */
export async function checkTrustedProgram(path: string): Promise<void> {
  const uid = currentUid()
  if (uid === undefined) return
  const real = await checkedPath(path)
  const info = await stat(real).catch(() => undefined)
  const fix = 'Fix: remove the client folder; the harness installs it again on next use.'
  if (!info?.isFile()) refuse(path, info ? 'it is not a regular file' : 'it is missing', fix)
  const reason = untrustedReason(info, info.uid === 0 ? 0 : uid)
  if (reason) refuse(path, real === path ? reason : `${real}, where it leads: ${reason}`, fix)
}

/**
 * Checks a file the harness is about to trust (an installed client's marker, a CA key): no
 * symlink, this user's, not writable by group or others and, when `secret`, readable by no one
 * else. Exit 2 naming the file and the fix otherwise; a missing file is fine (undefined).
 */
export async function checkTrustedFile(path: string, options: { secret?: boolean } = {}): Promise<void> {
  const uid = currentUid()
  let info
  try {
    info = await lstat(path)
  } catch {
    // Nothing there: nothing to trust or distrust.
    return
  }
  if (info.isSymbolicLink()) refuse(path, 'it is a symlink', 'Fix: remove it; the harness makes its own.')
  if (!info.isFile()) refuse(path, 'it is not a regular file', 'Fix: remove it.')
  if (uid === undefined) return
  const reason = untrustedReason(info, uid)
  if (reason) refuse(path, reason, 'Fix: remove it; the harness makes its own.')
  if (options.secret && info.mode & 0o077)
    refuse(
      path,
      `it is readable by others (mode ${octal(info.mode)}), so it may be known to them`,
      `Fix: remove it (a new one is made), or chmod 600 ${path} if you know it was not read.`,
    )
}
