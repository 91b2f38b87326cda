// The one place that touches the host process. `node:process` is provided by Node and by Deno,
// so this module is all a runtime port has to look at.
import { availableParallelism } from 'node:os'
import process from 'node:process'

export function commandLineArgs(): string[] {
  return process.argv.slice(2)
}

let readerGone = false

/**
 * For the CLI's entry point only (a library import installs no process-wide handler): a reader
 * that went away (`check … | head`) stops the writing and ends the process with one clear line and
 * exit 2 (the output was cut, so no verdict was delivered), not an unhandled EPIPE stack trace.
 */
export function endWhenReaderGoes(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    if (readerGone) return
    readerGone = true
    process.stderr.write('mcp-auth-harness: standard output was closed before the report was written whole (EPIPE)\n')
    process.exit(2)
  })
}

/** What an output is: in HTML a placeholder must be written as text, not as a tag. */
export type OutputFormat = 'text' | 'html'

/** What every output passes before it leaves the process: the redaction boundary, once installed. */
let outputFilter: (text: string, format: OutputFormat) => string = (text) => text

/**
 * Installs the one filter every write to stdout, stderr and files passes (`recording/output-boundary.ts`
 * installs the redactor; this module cannot import it, being below it).
 */
export function setOutputFilter(filter: (text: string, format: OutputFormat) => string): void {
  outputFilter = filter
}

/** `text` as it may leave the process. */
export function filterOutput(text: string, format: OutputFormat = 'text'): string {
  return outputFilter(text, format)
}

/**
 * Control characters other than line breaks and tabs, shown as `\x1b` rather than sent: text from
 * recordings, counterexamples, HAR files and client output passes here, and a raw ESC could clear
 * the screen, retitle the window or write the clipboard (OSC 52) of whoever reads it.
 */
// oxlint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g

/** `text` with every control character but `\n` and `\t` written out as `\xNN`. */
function inertControls(text: string): string {
  return text.replace(CONTROL, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`)
}

export function writeOut(text: string, format: OutputFormat = 'text'): void {
  if (!readerGone) process.stdout.write(inertControls(outputFilter(text, format)))
}

export function writeErr(text: string): void {
  process.stderr.write(inertControls(outputFilter(text, 'text')))
}

/** A redrawn terminal line of ours (the progress bar): its carriage returns are meant. */
export function writeErrLine(text: string): void {
  process.stderr.write(outputFilter(text, 'text'))
}

/**
 * Ends the process once stdout and stderr are flushed (a pipe takes writes asynchronously, and a
 * large `--json` document would otherwise be cut); pending interceptors or timers must not keep it alive.
 */
export async function exitWith(code: number): Promise<never> {
  const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write('', () => resolve()))
  await Promise.all([flushed(process.stdout), flushed(process.stderr)])
  process.exit(code)
}

/** Whether stderr is a terminal that can redraw a line (a progress bar), and its width. */
export function stderrTerminal(): { columns: number } | undefined {
  return process.stderr.isTTY ? { columns: process.stderr.columns || 80 } : undefined
}

/** How long an interrupted run may spend writing what it has before it exits anyway. */
const FATAL_CLEANUP_MS = 10_000

/**
 * On SIGINT or SIGTERM, runs `cleanup` (it may be async: the partial reports; at most
 * FATAL_CLEANUP_MS), then exits with 130 or 143 as a shell would. Returns a function that removes
 * the handlers; await what it returns before writing the run's own results: once a signal is being
 * handled it never settles, so a run its cleanup cut short cannot overwrite the partial reports.
 */
export function onFatalSignal(cleanup: (signal: 'SIGINT' | 'SIGTERM') => void | Promise<void>): () => Promise<void> {
  let stopping = false
  const handler = async (signal: 'SIGINT' | 'SIGTERM') => {
    stopping = true
    // A second Ctrl-C while the partial reports are written ends the process at once.
    const again = () => process.exit(signal === 'SIGINT' ? 130 : 143)
    process.once('SIGINT', again)
    process.once('SIGTERM', again)
    let timer: ReturnType<typeof setTimeout> | undefined
    await Promise.race([
      Promise.resolve()
        .then(() => cleanup(signal))
        .catch((error: unknown) => {
          writeErr(`mcp-auth-harness: while stopping: ${error instanceof Error ? error.message : String(error)}\n`)
        }),
      new Promise((resolve) => (timer = setTimeout(resolve, FATAL_CLEANUP_MS))),
    ])
    clearTimeout(timer)
    await exitWith(signal === 'SIGINT' ? 130 : 143)
  }
  process.once('SIGINT', handler)
  process.once('SIGTERM', handler)
  return () => {
    process.off('SIGINT', handler)
    process.off('SIGTERM', handler)
    // The handler exits the process when it is done; the run's own ending waits for that.
    return stopping ? new Promise<void>(() => undefined) : Promise.resolve()
  }
}

/**
 * For the CLI's entry point: on SIGINT or SIGTERM while no command has its own handler (a
 * first-use install, `clients install`, loading), runs `cleanup` (synchronous: end the client
 * processes and installers, remove the staging and temporary folders) and exits 130 or 143. A
 * command's own handler (`onFatalSignal`, `onInterrupt`) takes the signal instead.
 */
export function endOnFatalSignals(cleanup: (signal: 'SIGINT' | 'SIGTERM') => void): void {
  const handler = (signal: 'SIGINT' | 'SIGTERM') => {
    if (process.listenerCount(signal) > 1) return
    cleanup(signal)
    process.exit(signal === 'SIGINT' ? 130 : 143)
  }
  process.on('SIGINT', handler)
  process.on('SIGTERM', handler)
}

/** Calls `stop` once on the first SIGINT or SIGTERM (Ctrl-C ends a recording proxy cleanly). */
export function onInterrupt(stop: (signal: 'SIGINT' | 'SIGTERM') => void): () => void {
  let called = false
  const once = (signal: 'SIGINT' | 'SIGTERM') => {
    if (called) return
    called = true
    stop(signal)
  }
  process.once('SIGINT', once)
  process.once('SIGTERM', once)
  return () => {
    process.off('SIGINT', once)
    process.off('SIGTERM', once)
  }
}

/**
 * Resolves on the next macrotask. Mock responses wait for it, so a client stuck in a request loop
 * against an in-process server (everything else microtasks) still lets the trial's timeout fire.
 */
export function nextMacrotask(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate
  return new Promise((resolve) => (immediate ? immediate(resolve) : setTimeout(resolve, 0)))
}

/** Distinct unhandled rejections reported, so a client that leaks one per trial does not flood stderr. */
const MAX_REJECTION_NOTES = 3

let rejectionsNoted = 0

/**
 * Notes, in one line on stderr, a promise rejection a client left unhandled (`what`: its error's
 * name and message); after a few, the rest are not noted, so a client that leaks one per trial does
 * not flood stderr.
 */
export function noteUnhandledRejection(what: string): void {
  if (rejectionsNoted++ >= MAX_REJECTION_NOTES) return
  writeErr(`mcp-auth-harness: a client left a promise rejection unhandled (${what.split('\n')[0]}); the run goes on\n`)
}

/**
 * A promise rejection nobody handled (a client's forgotten background task) is the client's
 * fault, not a reason to crash the run: it is noted, and the run goes on.
 */
export function tolerateUnhandledRejections(): void {
  process.on('unhandledRejection', (reason: unknown) =>
    noteUnhandledRejection(reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason)),
  )
}

/** The number of cores this process may use: the default concurrency for clients in other processes. */
export function cpuCount(): number {
  return availableParallelism()
}
