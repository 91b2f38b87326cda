import type { Exchange } from './exchange.js'
import { SseParser } from './sse-parser.js'

/**
 * Builds the Exchanges of one trial from request/response observations.
 * Bodies are read from clones in the background so the client is never delayed;
 * `settle()` waits for those reads (streams end when the scenario closes them).
 */
export class TrafficLog {
  /** A session with more requests than this is a client in a loop: the rest is refused, not logged. */
  static readonly MAX_EXCHANGES = 500
  readonly exchanges: Exchange[] = []
  /** Set once a request was refused for going past MAX_EXCHANGES. */
  truncated = false
  private readonly byId = new Map<string, Exchange>()
  private readonly pending = new Set<Promise<void>>()
  private readonly openStreams = new Set<Exchange>()
  private tick = 0

  /**
   * `maxExchanges` is the loop guard of fuzz trials; `serve` and the recording proxy pass
   * `Infinity`: a real session is never cut, and a recording never loses requests.
   */
  constructor(private readonly maxExchanges: number = TrafficLog.MAX_EXCHANGES) {}

  /** Event streams whose body is still being read (serve uses it to tell when a session is over). */
  openStreamCount(): number {
    return this.openStreams.size
  }

  /** Call with the request before any handler reads its body. */
  onRequest(requestId: string, request: Request): void {
    if (this.exchanges.length >= this.maxExchanges) {
      this.truncated = true
      return
    }
    const exchange: Exchange = {
      seq: this.exchanges.length + 1,
      requestTick: ++this.tick,
      method: request.method,
      url: request.url,
      requestHeaders: [...request.headers],
    }
    this.exchanges.push(exchange)
    this.byId.set(requestId, exchange)
    if (request.body !== null && !request.bodyUsed) {
      this.track(
        request
          .clone()
          .text()
          .then((text) => {
            exchange.requestBody = text
          }),
        exchange,
      )
    }
  }

  /**
   * Call the moment the response is handed to the client, before the client can act on it: this
   * fixes the exchange's place in the send/receive order (msw reports the response itself later).
   */
  onHandedOver(requestId: string): void {
    const exchange = this.byId.get(requestId)
    if (exchange && exchange.responseTick === undefined) exchange.responseTick = ++this.tick
  }

  /** Call with the response as it is handed to the client. */
  onResponse(requestId: string, response: Response): void {
    const exchange = this.byId.get(requestId)
    if (!exchange || exchange.status !== undefined) return
    exchange.responseTick ??= ++this.tick
    exchange.status = response.status
    exchange.responseHeaders = [...response.headers]
    if (response.body === null || response.bodyUsed) return
    const isEventStream = response.headers.get('content-type')?.includes('text/event-stream') ?? false
    const copy = response.clone()
    this.track(
      isEventStream ? this.readEvents(copy, exchange) : copy.text().then((text) => void (exchange.responseBody = text)),
      exchange,
    )
  }

  /** Call when a request failed without a response (network error, abort, unhandled). */
  onError(requestId: string, message: string): void {
    const exchange = this.byId.get(requestId)
    if (exchange && exchange.status === undefined) exchange.error = message
  }

  /** Waits for body reads, at most `maxMs`; a read still open then is marked on its exchange. */
  async settle(maxMs: number): Promise<void> {
    for (const exchange of this.exchanges) {
      if (exchange.status === undefined) exchange.error ??= 'no response: the request was abandoned before the server answered'
    }
    if (this.pending.size === 0) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), maxMs)
    })
    const result = await Promise.race([Promise.all(this.pending).then(() => 'done' as const), timeout])
    clearTimeout(timer)
    if (result === 'timeout') {
      for (const exchange of this.openStreams) exchange.error ??= 'event stream still open when the trial ended'
    }
  }

  private async readEvents(response: Response, exchange: Exchange): Promise<void> {
    const events: NonNullable<Exchange['events']> = []
    exchange.events = events
    this.openStreams.add(exchange)
    const parser = new SseParser()
    const began = performance.now()
    const reader = response.body!.getReader()
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        events.push(...parser.push(value, Math.round(performance.now() - began)))
      }
    } finally {
      this.openStreams.delete(exchange)
    }
  }

  private track(work: Promise<void>, exchange: Exchange): void {
    const guarded = work.catch((error: unknown) => {
      // The client closing a stream it no longer needs ends the copy too: that is not a fault.
      if (error instanceof Error && error.name === 'AbortError') return
      exchange.error ??= `body could not be read: ${error instanceof Error ? error.message : String(error)}`
    })
    this.pending.add(guarded)
    void guarded.finally(() => this.pending.delete(guarded))
  }
}
