/** A problem with how the harness was called or with its input: reported plainly, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

export const EXIT = { ok: 0, violated: 1, usage: 2 } as const
