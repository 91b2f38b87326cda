// What an in-process client writes to the console belongs to its trial, not to the harness's
// output: the SDKs warn on stderr (`[mcp-sdk] OAuth "invalid_grant" — …`), which would otherwise
// scatter through the verdict. Code run inside `captureConsole` has its console lines collected.
import { format } from 'node:util'
import { AsyncSlot } from './async-context.js'

const METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const
/** Lines kept per trial: the end of what it wrote. */
const MAX_LINES = 40

const sink = new AsyncSlot<string[]>()
/** The console methods as they were before install(); undefined while nothing is patched. */
let originals: Partial<Record<(typeof METHODS)[number], (...args: unknown[]) => void>> | undefined

function install(): void {
  if (originals) return
  originals = {}
  for (const method of METHODS) {
    const original = console[method]
    originals[method] = original
    console[method] = (...args: unknown[]) => {
      const lines = sink.get()
      if (!lines) return original.apply(console, args)
      lines.push(...`${method}: ${format(...args)}`.split('\n'))
      if (lines.length > MAX_LINES) lines.splice(0, lines.length - MAX_LINES)
    }
  }
}

/** Puts the console methods back as they were (a library call leaves the process as it found it). */
export function restoreConsole(): void {
  if (!originals) return
  for (const method of METHODS) console[method] = originals[method]!
  originals = undefined
}

/**
 * Runs `body` with every console line it (and what it starts) writes collected into `lines`
 * instead of printed.
 *
 * @example
 * const lines: string[] = []
 * await captureConsole(lines, () => client.run(config, context))
 */
export function captureConsole<R>(lines: string[], body: () => R): R {
  install()
  return sink.run(lines, body)
}
