import { defineNetwork, InterceptorSource } from 'msw/experimental'
import { FetchInterceptor } from '@mswjs/interceptors/fetch/web'
import { http, HttpResponse, type HttpHandler } from 'msw/http'
import { nextMacrotask } from '../runtime/process.js'
import { AsyncSlot } from '../runtime/async-context.js'
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

function createNetwork(unhandled: () => 'error' | 'bypass') {
  return defineNetwork({
    // The web FetchInterceptor patches globalThis.fetch only: the same behaviour on Node and Deno.
    // The cast bridges a type-only `#private` mismatch between the package's two declaration bundles.
    sources: [new InterceptorSource({ interceptors: [new FetchInterceptor() as unknown as Interceptor<HttpRequestEventMap>] })],
    handlers: [],
    // Decided per run (the network cannot be reconfigured while enabled): scenario trials end with a
    // catch-all, so an unhandled request is an error there; record mode lets it through to the real network.
    onUnhandledFrame: ({ defaults }) => {
      if (unhandled() === 'error') defaults.error()
    },
    context: { quiet: true },
  })
}

/**
 * In-process interception of `fetch` through msw's `defineNetwork`. One per process, because
 * interception is global; trials take turns (`run` queues them) and each gets its own TrafficLog.
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
  private current: TrafficLog | undefined
  /** The trial (its log) a request comes from: a client still running after its trial ended is not this trial's traffic. */
  private readonly owner = new AsyncSlot<TrafficLog>()
  private unhandled: 'error' | 'bypass' = 'error'
  private queue: Promise<unknown> = Promise.resolve()

  private constructor() {
    this.network = createNetwork(() => this.unhandled)
    const events = this.network.events
    events.on('request:start', ({ requestId, request }) => {
      if (this.isCurrent()) this.current?.onRequest(requestId, request)
    })
    // Emitted right after the response is handed to the client (response:mocked comes a microtask later).
    events.on('request:end', ({ requestId }) => this.current?.onHandedOver(requestId))
    events.on('response:mocked', ({ requestId, response }) => this.current?.onResponse(requestId, response))
    events.on('response:bypass', ({ requestId, response }) => this.current?.onResponse(requestId, response))
    events.on('unhandledException', ({ requestId, error }) => this.current?.onError(requestId, error.message))
  }

  static shared(): InProcessNetwork {
    InProcessNetwork.instance ??= new InProcessNetwork()
    return InProcessNetwork.instance
  }

  /** Restores the real `fetch` if interception was ever enabled in this process (after its queued trials). */
  static async disposeShared(): Promise<void> {
    await InProcessNetwork.instance?.dispose()
  }

  /**
   * Serves `handlers` to every `fetch` made while `body` runs and returns the captured traffic.
   * `body` gets the log so it can settle it before handing back. `unhandled: 'bypass'` lets requests
   * no handler answers go to the real network (record mode); the default treats them as errors.
   */
  run<T>(
    handlers: HttpHandler[],
    body: (log: TrafficLog) => Promise<T>,
    unhandled: 'error' | 'bypass' = 'error',
  ): Promise<{ log: TrafficLog; value: T }> {
    const next = this.queue.then(async () => {
      const log = new TrafficLog()
      this.unhandled = unhandled
      this.network.resetHandlers(this.guard(log), ...handlers, NEVER_MATCHES)
      this.current = log
      if (this.network.readyState !== 1) await this.network.enable()
      try {
        const value = await this.owner.run(log, () => body(log))
        return { log, value }
      } finally {
        this.current = undefined
        this.network.resetHandlers(NEVER_MATCHES)
      }
    })
    this.queue = next.catch(() => undefined)
    return next
  }

  /**
   * Runs `body` with the real `fetch` (interception off), in turn with in-process trials: for
   * sessions over real sockets in this same process.
   */
  outside<T>(body: () => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      if (this.network.readyState === 1) await this.network.disable()
      return body()
    })
    this.queue = next.catch(() => undefined)
    return next
  }

  /**
   * The first handler of every trial: each request waits for a macrotask (so timers, and the
   * trial's timeout, run even when a client loops on instant mock answers), and a request beyond
   * TrafficLog.MAX_EXCHANGES, or from a client whose trial is over, is refused with a network error.
   */
  private guard(log: TrafficLog): HttpHandler {
    return http.all('*', async () => {
      await nextMacrotask()
      if (this.current !== log || !this.isCurrent() || log.truncated) return HttpResponse.error()
      return undefined
    })
  }

  /** Whether the request being handled comes from the current trial (unknown origins count as current). */
  private isCurrent(): boolean {
    const owner = this.owner.get()
    return owner === undefined || owner === this.current
  }

  /** Restores the real `fetch`; the next `run` enables interception again. */
  async dispose(): Promise<void> {
    await this.queue
    if (this.network.readyState === 1) await this.network.disable()
  }
}
