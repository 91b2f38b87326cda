// The thread a `module:` client runs in (started by module-client.ts). A client in a thread of its
// own can be stopped: a busy loop in it is a timed-out trial, and the harness's signal handlers
// still run. It loads the module once, then runs one session at a time on request.
import process from 'node:process'
import { parentPort, workerData } from 'node:worker_threads'
import { catchClientFaults } from '../runtime/client-faults.js'
import { captureConsole } from '../runtime/client-console.js'
import type { ProcessReport } from '../core/trial.js'
import type { ClientUnderTest } from './client-under-test.js'
import { describeClientExport, importClientModule, type ModuleToThread, type ThreadToModule } from './module-protocol.js'

const port = parentPort!
const post = (message: ThreadToModule) => port.postMessage(message)

function failure(error: unknown): { name: string; message: string } {
  return error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) }
}

// A forgotten background rejection is noted by the harness, as for a client in its own thread.
process.on('unhandledRejection', (reason) =>
  post({ type: 'rejection', what: `${failure(reason).name}: ${failure(reason).message}` }),
)

let client: ClientUnderTest | undefined
let current: { id: number; controller: AbortController } | undefined

async function load(path: string): Promise<void> {
  try {
    const candidate = await importClientModule(path)
    const described = describeClientExport(candidate)
    if (!described) return post({ type: 'not-a-client' })
    client = candidate as ClientUnderTest
    post({ type: 'loaded', client: described })
  } catch (error) {
    post({ type: 'load-error', message: failure(error).message })
  }
}

async function run(id: number, message: Extract<ModuleToThread, { type: 'run' }>): Promise<void> {
  const controller = new AbortController()
  current = { id, controller }
  const lines: string[] = []
  let settled = false
  const done = (result: Omit<Extract<ThreadToModule, { type: 'done' }>, 'type' | 'id' | 'consoleTail'>) => {
    if (settled) return
    settled = true
    if (current?.id === id) current = undefined
    post({ type: 'done', id, consoleTail: lines.slice(), ...result })
  }
  const context = {
    signal: controller.signal,
    reportProcess: (report: ProcessReport) => post({ type: 'process', id, report }),
    ...(message.env ? { env: message.env } : {}),
    startClock: () => post({ type: 'start-clock', id }),
  }
  // An exception from the client's timers ends its session as "uncaught exception", as in process.
  const onFault = (error: unknown) => done({ fault: failure(error) })
  try {
    await catchClientFaults(onFault, () => captureConsole(lines, async () => client!.run(message.config, context)))
    done({})
  } catch (error) {
    done({ error: failure(error) })
  }
}

port.on('message', (message: ModuleToThread) => {
  if (message.type === 'run') void run(message.id, message)
  else if (message.type === 'abort' && current?.id === message.id) current.controller.abort()
})

void load((workerData as { path: string }).path)
