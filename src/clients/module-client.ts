import { join } from 'node:path'
import type { ClientUnderTest, TrialContext } from './client-under-test.js'
import { InputError } from '../core/errors.js'
import { packageRoot } from '../runtime/files.js'
import { noteUnhandledRejection } from '../runtime/process.js'
import { ClientThread, type ThreadLoad } from '../runtime/client-thread.js'
import type { ClientConfig } from '../core/client-config.js'
import {
  describeClientExport,
  importClientModule,
  type ClientExport,
  type ModuleToThread,
  type ThreadError,
  type ThreadToModule,
} from './module-protocol.js'

/** How long a client module may take to load. */
const LOAD_TIMEOUT_MS = 30_000
/** After its session is aborted, how long a client's thread may take to stop before it is ended. */
const STOP_GRACE_MS = 1000
/** The thread's entry point, built beside this file (the package ships it in dist/). */
const WORKER_MAIN = join(packageRoot(), 'dist', 'src', 'clients', 'module-worker.js')

/**
 * A client that threw outside any promise chain (from a timer or a callback): its trial's outcome
 * is "uncaught exception", as it is for a client in this thread.
 */
export class UncaughtClientException extends Error {
  constructor(thrown: ThreadError) {
    super(`${thrown.name}: ${thrown.message}`)
    this.name = 'UncaughtClientException'
  }
}

function rebuilt(error: ThreadError): Error {
  const rebuiltError = new Error(error.message)
  rebuiltError.name = error.name
  return rebuiltError
}

function loadError(path: string, message: string): InputError {
  return new InputError(`module:${path} could not be loaded: ${message}`)
}

function named(path: string, exported: ClientExport): Omit<ClientUnderTest, 'run'> {
  // Named by its path, as it was given: reports, reproduce lines, counterexamples and recordings then
  // name something `--client` can load again (`replay FILE` takes the client from the file).
  return {
    ...exported,
    name: `module:${path}`,
    description: `${typeof exported.description === 'string' ? exported.description : 'a module client'} (exports "${exported.name}")`,
  }
}

const NOT_A_CLIENT = (path: string) =>
  new InputError(
    `module:${path} must export (as default or as "client") an object with name (string), transports (["streamable-http" and/or "sse"]) and run(config, context)`,
  )

/** Starts a thread that loads the module; it settles with the export's data or the reason it did not load. */
async function startThread(
  path: string,
  loadTimeoutMs = LOAD_TIMEOUT_MS,
): Promise<{ thread: ClientThread<ModuleToThread, ThreadToModule>; exported: ClientExport }> {
  const thread = new ClientThread<ModuleToThread, ThreadToModule>(WORKER_MAIN, { path })
  thread.onMessage((message) => {
    if (message.type === 'rejection') noteUnhandledRejection(message.what)
  })
  const load: ThreadLoad<ThreadToModule> = await thread.firstMessage(
    (message) => message.type === 'loaded' || message.type === 'load-error' || message.type === 'not-a-client',
    loadTimeoutMs,
  )
  if (load.kind === 'message' && load.message.type === 'loaded') return { thread, exported: load.message.client }
  void thread.end()
  if (load.kind === 'timeout')
    throw loadError(
      path,
      `it did not finish loading within ${loadTimeoutMs / 1000} s (a top-level await that never settles, or a loop?)`,
    )
  if (load.kind === 'exit') throw loadError(path, `its thread ended while loading (exit code ${load.exitCode})`)
  if (load.message.type === 'not-a-client') throw NOT_A_CLIENT(path)
  throw loadError(path, load.message.type === 'load-error' ? load.message.message : 'it sent no answer')
}

/**
 * A pool of threads, each holding the module loaded: one session per thread at a time, so a thread
 * that must be ended (a client that ignores the abort) takes no other trial with it.
 */
class ModuleThreads {
  private readonly idle: Array<ClientThread<ModuleToThread, ThreadToModule>> = []
  private nextId = 1
  private closed = false

  constructor(
    private readonly path: string,
    private readonly loadTimeoutMs: number | undefined,
    first: ClientThread<ModuleToThread, ThreadToModule>,
  ) {
    this.idle.push(first)
  }

  /** Ends every idle thread (a thread in a session ends when its session does: it is not returned). */
  async close(): Promise<void> {
    this.closed = true
    await Promise.all(this.idle.splice(0).map((thread) => thread.end()))
  }

  async run(config: ClientConfig, context: TrialContext): Promise<void> {
    // A thread that ended while idle (its own process.exit from a timer, say) is not handed a session.
    let thread = this.idle.pop()
    while (thread?.ended) thread = this.idle.pop()
    thread ??= (await startThread(this.path, this.loadTimeoutMs)).thread
    const id = this.nextId++
    return new Promise<void>((resolveRun, rejectRun) => {
      let stopTimer: ReturnType<typeof setTimeout> | undefined
      const finish = (settle: () => void, keepThread: boolean) => {
        off()
        offExit()
        clearTimeout(stopTimer)
        context.signal.removeEventListener('abort', onAbort)
        if (keepThread && !this.closed) this.idle.push(thread)
        else void thread.end()
        settle()
      }
      const off = thread.onMessage((message) => {
        if (!('id' in message) || message.id !== id) return
        if (message.type === 'process') context.reportProcess(message.report)
        else if (message.type === 'start-clock') context.startClock?.()
        else if (message.type === 'done') {
          context.reportConsole?.(message.consoleTail)
          if (message.fault) finish(() => rejectRun(new UncaughtClientException(message.fault!)), true)
          else if (message.error) finish(() => rejectRun(rebuilt(message.error!)), true)
          else finish(resolveRun, true)
        }
      })
      const offExit = thread.onExit((exitCode) =>
        finish(() => rejectRun(new Error(`the client's thread ended during the session (exit code ${exitCode})`)), false),
      )
      // A client that does not stop when told (a busy loop, an ignored signal) has its thread ended.
      const onAbort = () => {
        thread.post({ type: 'abort', id })
        stopTimer = setTimeout(
          () =>
            finish(
              () => rejectRun(new Error('the client did not stop when its session was aborted: its thread was ended')),
              false,
            ),
          STOP_GRACE_MS,
        )
      }
      if (context.signal.aborted) onAbort()
      else context.signal.addEventListener('abort', onAbort, { once: true })
      thread.post({ type: 'run', id, config, ...(context.env ? { env: context.env } : {}) })
    })
  }
}

/**
 * Loads a user module exporting a ClientUnderTest (as `default` or `client`), on Node (TypeScript
 * through Node's type stripping) and Deno. The path is relative to the working directory.
 *
 * The module runs in threads of its own, on real ports: a client that hangs in a busy loop is a
 * timed-out trial (its thread is ended), and Ctrl-C still stops the run.
 *
 * @example
 * const client = await loadModuleClient('./test/my-adapter.ts')
 */
export async function loadModuleClient(path: string, options: { loadTimeoutMs?: number } = {}): Promise<ClientUnderTest> {
  const { thread, exported } = await startThread(path, options.loadTimeoutMs)
  const threads = new ModuleThreads(path, options.loadTimeoutMs, thread)
  // On real ports: the thread's fetch is its own, which this thread's interception cannot see.
  return {
    ...named(path, exported),
    network: 'real-port',
    outOfProcess: true,
    run: (config, context) => threads.run(config, context),
    close: () => threads.close(),
  }
}

/**
 * Loads a module client into this thread, where `record` sees every origin it talks to without a
 * proxy. A busy loop in it cannot be stopped here: `fuzz` and the rest use `loadModuleClient`.
 *
 * @example
 * const client = await loadModuleClientHere('./test/my-adapter.ts')
 */
export async function loadModuleClientHere(path: string): Promise<ClientUnderTest> {
  let candidate: unknown
  let timer: ReturnType<typeof setTimeout> | undefined
  try {
    // A top-level await that never settles is a bounded wait, not a hang (or Node's silent exit 13).
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(`it did not finish loading within ${LOAD_TIMEOUT_MS / 1000} s (a top-level await that never settles?)`),
          ),
        LOAD_TIMEOUT_MS,
      )
    })
    candidate = await Promise.race([importClientModule(path), stalled])
  } catch (error) {
    throw loadError(path, error instanceof Error ? error.message : String(error))
  } finally {
    clearTimeout(timer)
  }
  const exported = describeClientExport(candidate)
  if (!exported) throw NOT_A_CLIENT(path)
  return { ...named(path, exported), run: (candidate as ClientUnderTest).run.bind(candidate) }
}
