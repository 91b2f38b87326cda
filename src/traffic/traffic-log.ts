import type { Exchange } from '../core/exchange.js'
import { SseParser } from './sse-parser.js'

/**
 * Builds the Exchanges of one trial from request/response observations.
 * Bodies are read from clones in the background so the client is never delayed;
 * `settle()` waits for those reads (streams end when the scenario closes them).
 */
export class TrafficLog {
  /** A session with more requests than this is a client in a loop: the rest is refused, not logged. */
  static readonly MAX_EXCHANGES = 500
  /** Events kept per event stream: a server that streams forever must not fill memory or the file. */
  static readonly MAX_EVENTS_PER_STREAM = 10_000
  /**
   * Body characters kept per request or response (16 MiB): an MCP message is far smaller, and a
   * download passing a forward proxy must not make the recording too big to write (two 300 MB
   * bodies once lost a whole recording). The rest is read to its end and not kept; the exchange says so.
   */
  static readonly MAX_BODY_CHARS = 16 * 2 ** 20
  readonly exchanges: Exchange[] = []
  /** Set once a request was refused for going past MAX_EXCHANGES. */
  truncated = false
  private readonly byId = new Map<string, Exchange>()
  private readonly pending = new Set<Promise<void>>()
  private readonly openStreams = new Set<Exchange>()
  private tick = 0
  private readonly started = performance.now()

  private elapsed(): number {
    return Math.round(performance.now() - this.started)
  }

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
      sentAtMs: this.elapsed(),
      method: request.method,
      url: request.url,
      requestHeaders: [...request.headers],
    }
    this.exchanges.push(exchange)
    this.byId.set(requestId, exchange)
    if (request.body !== null && !request.bodyUsed) {
      this.track(
        readBounded(request.clone().body!).then(({ text, bytes, cut, failure }) => {
          exchange.requestBody = text
          if (failure) exchange.error ??= `the request body was cut off after ${bytes} bytes: ${failure}`
          else if (cut) exchange.error ??= cutNote('request', bytes)
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
    if (exchange) this.markAnswered(exchange)
  }

  /** Fixes the exchange's place in the order and the moment the mock handed its answer over, once. */
  private markAnswered(exchange: Exchange): void {
    if (exchange.responseTick !== undefined) return
    exchange.responseTick = ++this.tick
    exchange.answeredAtMs = this.elapsed()
  }

  /** Call with the response as it is handed to the client. */
  onResponse(requestId: string, response: Response): void {
    const exchange = this.byId.get(requestId)
    if (!exchange || exchange.status !== undefined) return
    this.markAnswered(exchange)
    exchange.status = response.status
    exchange.responseHeaders = [...response.headers]
    if (response.body === null || response.bodyUsed) return
    const isEventStream = response.headers.get('content-type')?.includes('text/event-stream') ?? false
    const copy = response.clone()
    this.track(isEventStream ? this.readEvents(copy, exchange) : this.readText(copy, exchange), exchange)
  }

  /** Call when a request failed without a response (network error, abort, unhandled). */
  onError(requestId: string, message: string): void {
    const exchange = this.byId.get(requestId)
    if (exchange && exchange.status === undefined) exchange.error = message
  }

  /**
   * Call when a response body ended early (the connection closed mid-way): what arrived is kept,
   * and the exchange says it is incomplete. An event stream closing is how streams end, not a cut.
   */
  onCut(requestId: string, message: string): void {
    const exchange = this.byId.get(requestId)
    if (exchange && !exchange.events) exchange.error ??= message
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

  /** Reads a body as it arrives, so a body cut mid-way keeps what came, and says it was cut. */
  private async readText(response: Response, exchange: Exchange): Promise<void> {
    const read = await readBounded(response.body!)
    exchange.responseBody = read.text
    if (read.failure) exchange.error ??= `the body was cut off after ${read.bytes} bytes: ${read.failure}`
    else if (read.cut) exchange.error ??= cutNote('response', read.bytes)
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
        if (done) {
          exchange.streamEndedAtMs = this.elapsed()
          break
        }
        const parsed = parser.push(value, Math.round(performance.now() - began))
        // An endless stream is read to its end (an unread copy would buffer it all) but kept bounded.
        const room = TrafficLog.MAX_EVENTS_PER_STREAM - events.length
        if (parsed.length > room)
          exchange.error ??= `kept the first ${TrafficLog.MAX_EVENTS_PER_STREAM} events of this stream; later ones were not recorded`
        events.push(...parsed.slice(0, Math.max(0, room)))
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

/** What a recording says of a body longer than it keeps. */
function cutNote(which: 'request' | 'response', bytes: number): string {
  return `${which} body of ${bytes} bytes: kept the first ${TrafficLog.MAX_BODY_CHARS} characters, the rest was not recorded`
}

/**
 * A body read to its end, keeping at most MAX_BODY_CHARS of its text; a body cut mid-way keeps
 * what came and names why (an abort is passed on: the trial is over).
 */
async function readBounded(
  body: ReadableStream<Uint8Array>,
): Promise<{ text: string; bytes: number; cut: boolean; failure?: string }> {
  const decoder = new TextDecoder()
  const reader = body.getReader()
  let text = ''
  let bytes = 0
  let cut = false
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      bytes += value.length
      if (cut) continue
      text += decoder.decode(value, { stream: true })
      if (text.length > TrafficLog.MAX_BODY_CHARS) {
        text = text.slice(0, TrafficLog.MAX_BODY_CHARS)
        cut = true
      }
    }
    return { text: cut ? text : text + decoder.decode(), bytes, cut }
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error
    return {
      text: cut ? text : text + decoder.decode(),
      bytes,
      cut,
      failure: error instanceof Error ? error.message : String(error),
    }
  }
}
