import { UsageError } from './usage-error.js'

/** The longest delay a timer takes (2³¹−1 ms, about 24.8 days); a longer one fires at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1

/**
 * A `--timeout`-style option in milliseconds: a whole number from 1 to 2³¹−1, else a usage error
 * (beyond that a timer silently fires after 1 ms and every trial would time out).
 */
export function checkMilliseconds(flag: string, value: number | undefined): void {
  if (value === undefined) return
  if (!Number.isInteger(value) || value < 1 || value > MAX_TIMER_MS)
    throw new UsageError(`${flag} must be a whole number of milliseconds from 1 to ${MAX_TIMER_MS}, got ${value}`)
}

/** A `--duration`-style option in seconds: more than 0 and at most 2³¹−1 ms, else a usage error. */
export function checkSeconds(flag: string, value: number | undefined): void {
  if (value === undefined) return
  if (!(value > 0) || value * 1000 > MAX_TIMER_MS)
    throw new UsageError(
      `${flag} must be a number of seconds above 0 and at most ${Math.floor(MAX_TIMER_MS / 1000)}, got ${value}`,
    )
}

/**
 * A `--port` option: one whole number from 0 (any free port) to 65535, else a usage error. Given
 * twice, yargs makes it an array, which is an error too.
 */
export function checkPort(value: unknown, flag = '--port'): void {
  if (Array.isArray(value)) throw new UsageError(`${flag} was given ${value.length} times: give it once`)
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 65535)
    throw new UsageError(`${flag} must be a whole number from 0 (a free port) to 65535, got ${String(value)}`)
}
