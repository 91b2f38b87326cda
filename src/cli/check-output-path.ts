import { outputTargetProblem } from '../runtime/output-target.js'
import { UsageError } from './usage-error.js'

/**
 * A usage error (exit 2) before anything runs when an output flag names a place that cannot be
 * written (a device node, FIFO, socket, /proc, a dangling symlink, a folder not writable): a long
 * run must not find out at its end. `-` (standard output) is fine for a file.
 *
 * @example
 * await checkOutputPath('--html', args.html)
 */
export async function checkOutputPath(flag: string, path: string | undefined, kind: 'file' | 'dir' = 'file'): Promise<void> {
  const problem = path === undefined ? undefined : await outputTargetProblem(path, kind)
  if (problem) throw new UsageError(`${flag} ${path}: cannot write there (${problem})`)
}
