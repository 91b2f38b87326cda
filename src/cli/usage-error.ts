import { InputError } from '../core/errors.js'

/** A problem with how the harness was called: reported plainly, exit code 2. */
export class UsageError extends InputError {
  override name = 'UsageError'
}

export const EXIT = { ok: 0, violated: 1, usage: 2 } as const
