// A path resolved hop by hop, refusing what the kernel's protected_symlinks rule refuses: root
// following a link another user planted in a folder anyone may write to (/tmp) would write, or run,
// wherever that user chose. `realpath` follows every link without asking whose it is.
import { lstat, readlink, stat } from 'node:fs/promises'
import { dirname, join, resolve, sep } from 'node:path'
import process from 'node:process'

/** As the kernel's own limit on symlinks followed in one path lookup. */
export const MAX_LINK_HOPS = 40

/**
 * Why the symlink at `link` (owned by `owner`) must not be followed, or undefined when it may: in a
 * folder others may write to, only a link of the user's own or of the folder's owner is followed
 * (the kernel's protected_symlinks rule, for sticky folders such as /tmp; a folder writable by
 * others without the sticky bit lets anyone replace anything in it, so the same rule holds there).
 *
 * @example
 * await untrustedLink('/tmp/junit.xml', 65534) // "/tmp/junit.xml is a symlink owned by uid 65534 …"
 */
export async function untrustedLink(link: string, owner: number): Promise<string | undefined> {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined
  if (uid === undefined) return undefined
  const folder = await stat(dirname(link))
  if ((folder.mode & 0o002) === 0) return undefined
  if (owner === uid || owner === folder.uid) return undefined
  return `${link} is a symlink owned by uid ${owner} in ${dirname(link)}, a folder others may write to: not followed (the kernel's protected_symlinks rule)`
}

/**
 * The real path of `path`, every symlink on the way checked with `untrustedLink` before it is
 * followed. Throws an Error saying which link and why; a missing part rejects as `lstat` does
 * (ENOENT), so a caller can tell "nothing there" from "refused".
 *
 * @example
 * const real = await checkedRealpath(process.env.XDG_CACHE_HOME + '/mcp-auth-harness')
 */
export async function checkedRealpath(path: string): Promise<string> {
  const parts = resolve(path).split(sep).filter(Boolean)
  let current: string = sep
  let hops = 0
  while (parts.length > 0) {
    const part = parts.shift()!
    if (part === '.') continue
    if (part === '..') {
      current = dirname(current)
      continue
    }
    const next = join(current, part)
    const info = await lstat(next)
    if (!info.isSymbolicLink()) {
      current = next
      continue
    }
    if (++hops > MAX_LINK_HOPS) throw new Error(`${path} is a chain of more than ${MAX_LINK_HOPS} symlinks`)
    const problem = await untrustedLink(next, info.uid)
    if (problem) throw new Error(problem)
    const target = await readlink(next)
    parts.unshift(...target.split(sep).filter(Boolean))
    if (target.startsWith(sep)) current = sep
  }
  // The result is a folder or file that exists (every part was lstat'ed); stat confirms it resolves.
  await stat(current)
  return current
}
