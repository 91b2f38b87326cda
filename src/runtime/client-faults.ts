// An in-process client's error thrown from a timer or callback (`setTimeout(() => { throw e })`)
// has no promise to reject: Node would end the whole run. Thrown inside a trial, it is that
// trial's client error; thrown anywhere else, it is a harness fault and ends the process as before.
import process from 'node:process'
import { AsyncSlot } from './async-context.js'

const faultSink = new AsyncSlot<(error: unknown) => void>()
/** What install() changed, to put back (`restoreClientFaults`); undefined while nothing is patched. */
let installed: { exit: typeof process.exit; listener: (error: unknown) => void } | undefined

function install(): void {
  if (installed) return
  // A client that calls process.exit would end the harness with its code: exit 0 would be a green
  // run that judged nothing. Inside a client's code it throws there instead (its run rejects).
  const exit = process.exit
  const bound = exit.bind(process)
  process.exit = ((code?: number | string | null) => {
    if (faultSink.get()) throw new Error(`the client called process.exit(${code ?? ''})`)
    return bound(code as number)
  }) as typeof process.exit
  const listener = (error: unknown) => {
    // The timer or callback runs in the async context of the trial that set it up.
    const report = faultSink.get()
    if (report) return report(error)
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exit(1)
  }
  process.on('uncaughtException', listener)
  installed = { exit, listener }
}

/**
 * Puts `process.exit` and the process's uncaught-exception listeners back as they were before the
 * first trial: a library call leaves the process as it found it (the next trial installs again).
 */
export function restoreClientFaults(): void {
  if (!installed) return
  process.exit = installed.exit
  process.off('uncaughtException', installed.listener)
  installed = undefined
}

/**
 * Runs `body` so that an exception thrown by anything it starts, outside any promise chain, is
 * handed to `onFault` instead of ending the process.
 *
 * @example
 * await catchClientFaults((error) => fail(error), () => client.run(config, context))
 */
export function catchClientFaults<R>(onFault: (error: unknown) => void, body: () => R): R {
  install()
  return faultSink.run(onFault, body)
}
