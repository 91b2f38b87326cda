import { defineNetwork, InterceptorSource } from 'msw/experimental'
import { FetchInterceptor } from '@mswjs/interceptors/fetch/web'
import { http, HttpResponse, type HttpHandler } from 'msw/http'
import { nextMacrotask } from '../runtime/process.js'
import { AsyncSlot } from '../runtime/async-context.js'
import { getResponse } from 'msw/utils/get-response'
import { TurnLock } from './turn-lock.js'
import type { HttpRequestEventMap, Interceptor } from '@mswjs/interceptors'
import { TrafficLog } from '../traffic/traffic-log.js'

type Network = ReturnType<typeof createNetwork>

/**
 * msw's `resetHandlers()` with no handlers restores the previous set instead of clearing it, so
 * every set carries this handler that never matches; a run with no handlers of its own then
 * really has none (record mode) and a finished trial's handlers cannot answer the next one.
 */
const NEVER_MATCHES = http.all(
  () => false,
  () => undefined,
)

function createNetwork(unhandled: (requestId: string | undefined) => 'error' | 'bypass') {
  return defineNetwork({
    // The web FetchInterceptor patches globalThis.fetch only: the same behaviour on Node and Deno.
    // The cast bridges a type-only `#private` mismatch between the package's two declaration bundles.
    sources: [new InterceptorSource({ interceptors: [new FetchInterceptor() as unknown as Interceptor<HttpRequestEventMap>] })],
    handlers: [],
    // Decided per request (the network cannot be reconfigured while enabled): in a scenario trial an
    // unhandled request is an error; record mode, and a request made while no trial runs, go through
    // to the real network.
    onUnhandledFrame: ({ frame, defaults }) => {
      if (unhandled((frame.data as { id?: string } | undefined)?.id) === 'error') defaults.error()
    },
    context: { quiet: true },
  })
}

/** A trial running in process: its handlers and the log its traffic goes to. */
interface InProcessTrial {
  readonly handlers: HttpHandler[]
  readonly log: TrafficLog
}

/**
 * In-process interception of `fetch` through msw's `defineNetwork`. One per process, because
 * interception is global; trials run side by side, each request routed to its trial's handlers and
 * TrafficLog by the async context it was made in. Record mode (unhandled requests let through) and
 * sessions with interception off run alone.
 *
 * @example
 * const log = await InProcessNetwork.shared().run(handlers, async () => {
 *   await fetch('http://mcp.test/mcp', { method: 'POST', body: '{}' })
 * })
 * console.log(log.exchanges[0]?.status)
 */
export class InProcessNetwork {
  private static instance: InProcessNetwork | undefined
  private readonly network: Network
  /** The trials running now, by the log their async context carries. */
  private readonly trials = new Map<TrafficLog, InProcessTrial>()
  /** Which trial each request in flight belongs to, fixed when it starts (later events may lose the context). */
  private readonly requests = new Map<string, TrafficLog>()
  /** The trial a request comes from: a client still running after its trial ended is no trial's traffic. */
  private readonly owner = new AsyncSlot<TrafficLog>()
  private unhandled: 'error' | 'bypass' = 'error'
  /** Requests made while no trial runs, in no trial's context: not ours, they go to the real network. */
  private readonly strays = new Set<string>()
  private readonly turns = new TurnLock()

  private constructor() {
    this.network = createNetwork((requestId) =>
      requestId !== undefined && this.strays.delete(requestId) ? 'bypass' : this.unhandled,
    )
    this.network.resetHandlers(this.dispatcher(), NEVER_MATCHES)
    const events = this.network.events
    events.on('request:start', ({ requestId, request }) => {
      const trial = this.trialOfContext()
      if (!trial) {
        if (this.owner.get() === undefined && this.trials.size === 0) this.strays.add(requestId)
        return
      }
      this.requests.set(requestId, trial.log)
      trial.log.onRequest(requestId, request)
    })
    // Emitted right after the response is handed to the client (response:mocked comes a microtask later).
    events.on('request:end', ({ requestId }) => this.requests.get(requestId)?.onHandedOver(requestId))
    events.on('response:mocked', ({ requestId, response }) => this.settled(requestId)?.onResponse(requestId, response))
    events.on('response:bypass', ({ requestId, response }) => this.settled(requestId)?.onResponse(requestId, response))
    events.on('unhandledException', ({ requestId, error }) => this.settled(requestId)?.onError(requestId, error.message))
  }

  static shared(): InProcessNetwork {
    InProcessNetwork.instance ??= new InProcessNetwork()
    return InProcessNetwork.instance
  }

  /** Restores the real `fetch` if interception was ever enabled in this process (after its running trials). */
  static async disposeShared(): Promise<void> {
    await InProcessNetwork.instance?.dispose()
  }

  /**
   * Serves `handlers` to every `fetch` made while `body` runs and returns the captured traffic.
   * `body` gets the log so it can settle it before handing back. `unhandled: 'bypass'` lets requests
   * no handler answers go to the real network (record mode, run alone); the default treats them as
   * errors, and such trials run side by side.
   */
  async run<T>(
    handlers: HttpHandler[],
    body: (log: TrafficLog) => Promise<T>,
    unhandled: 'error' | 'bypass' = 'error',
  ): Promise<{ log: TrafficLog; value: T }> {
    const release = await this.turns.acquire(unhandled === 'bypass' ? 'exclusive' : 'shared')
    const log = new TrafficLog()
    try {
      this.unhandled = unhandled
      if (this.network.readyState !== 1) await this.network.enable()
      this.trials.set(log, { handlers, log })
      const value = await this.owner.run(log, () => body(log))
      return { log, value }
    } finally {
      this.trials.delete(log)
      for (const [requestId, owner] of this.requests) if (owner === log) this.requests.delete(requestId)
      this.unhandled = 'error'
      release()
    }
  }

  /**
   * Runs `body` with the real `fetch` (interception off), alone: for sessions over real sockets in
   * this same process.
   */
  async outside<T>(body: () => Promise<T>): Promise<T> {
    const release = await this.turns.acquire('exclusive')
    try {
      if (this.network.readyState === 1) await this.network.disable()
      return await body()
    } finally {
      release()
    }
  }

  /**
   * The one handler: each request waits for a macrotask (so timers, and the trial's timeout, run
   * even when a client loops on instant mock answers), then goes to its trial's handlers; a request
   * beyond TrafficLog.MAX_EXCHANGES, or from a client whose trial is over, is refused with a network
   * error, and one no handler of its trial answers is unhandled.
   */
  private dispatcher(): HttpHandler {
    return http.all('*', async ({ request, requestId }) => {
      await nextMacrotask()
      if (this.strays.has(requestId)) return undefined
      const log = this.requests.get(requestId)
      const trial = log && this.trials.get(log)
      if (!trial || trial.log.truncated) return HttpResponse.error()
      return (await getResponse(trial.handlers, request)) ?? undefined
    })
  }

  /**
   * The trial of the code running now. A request made outside any trial's context (none seen so
   * far) is the running trial's when only one runs, as when trials took turns.
   */
  private trialOfContext(): InProcessTrial | undefined {
    const owner = this.owner.get()
    if (owner !== undefined) return this.trials.get(owner)
    return this.trials.size === 1 ? [...this.trials.values()][0] : undefined
  }

  /** The log a finished request belongs to, forgotten from then on. */
  private settled(requestId: string): TrafficLog | undefined {
    const log = this.requests.get(requestId)
    this.requests.delete(requestId)
    return log
  }

  /** Restores the real `fetch`; the next `run` enables interception again. */
  async dispose(): Promise<void> {
    const release = await this.turns.acquire('exclusive')
    try {
      if (this.network.readyState === 1) await this.network.disable()
    } finally {
      release()
    }
  }
}
