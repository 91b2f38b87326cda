import { HOP_BY_HOP } from '../traffic/hop-by-hop.js'
import { TrafficLog } from '../traffic/traffic-log.js'

/** A byte stream fed by pushes: how a proxy's body events become a web `ReadableStream`. */
class Feed {
  private controller!: ReadableStreamDefaultController<Uint8Array>
  private closed = false
  readonly stream = new ReadableStream<Uint8Array>({ start: (controller) => void (this.controller = controller) })
  bytes = 0

  push(chunk: Uint8Array): void {
    if (this.closed || chunk.length === 0) return
    this.bytes += chunk.length
    this.controller.enqueue(chunk)
  }
  end(): void {
    if (this.closed) return
    this.closed = true
    this.controller.close()
  }
}

/** The content codings a recording decodes (DESIGN: recordings hold decoded bodies). */
const DECODERS: Record<string, CompressionFormat | 'brotli'> = {
  gzip: 'gzip',
  'x-gzip': 'gzip',
  deflate: 'deflate',
  br: 'brotli',
}
const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304])

/** Hop-by-hop headers, `Host` (the URL says it) and what the client said to the proxy itself. */
const NOT_RECORDED = new Set([...HOP_BY_HOP, 'proxy-authorization', 'host'])

function headersOf(rawHeaders: ReadonlyArray<readonly [string, string]>): Headers {
  const headers = new Headers()
  for (const [name, value] of rawHeaders) {
    // HTTP/2 pseudo-headers (`:authority`) are not headers the client sent as such.
    if (name.startsWith(':') || NOT_RECORDED.has(name.toLowerCase())) continue
    headers.append(name, value)
  }
  return headers
}

/** One message head as a proxy reports it. */
export interface StreamedHead {
  id: string
  rawHeaders: ReadonlyArray<readonly [string, string]>
}

/**
 * Builds a trial's Exchanges from a proxy's streamed events (request head, body chunks, response
 * head, body chunks, end or abort), in the order they happen, through the same TrafficLog as every
 * other capture: bodies are read as they stream, SSE events parsed as they arrive, nothing waits
 * for a stream to end.
 */
export class StreamedTraffic {
  /** Never capped: a recording keeps every request. */
  readonly log = new TrafficLog(Infinity)
  private readonly requestBodies = new Map<string, Feed>()
  private readonly responseBodies = new Map<string, Feed>()

  requestStarted(head: StreamedHead & { method: string; url: string }): void {
    const hasBody = head.method !== 'GET' && head.method !== 'HEAD'
    const feed = hasBody ? new Feed() : undefined
    if (feed) this.requestBodies.set(head.id, feed)
    const request = new Request(head.url, {
      method: head.method,
      headers: headersOf(head.rawHeaders),
      ...(feed ? { body: feed.stream, duplex: 'half' } : {}),
    } as RequestInit)
    this.log.onRequest(head.id, request)
  }

  requestData(id: string, chunk: Uint8Array, ended: boolean): void {
    const feed = this.requestBodies.get(id)
    feed?.push(chunk)
    if (ended) this.endRequest(id)
  }

  responseStarted(head: StreamedHead & { status: number }): void {
    this.endRequest(head.id)
    const headers = headersOf(head.rawHeaders)
    let body: ReadableStream<Uint8Array> | null = null
    if (!NULL_BODY_STATUS.has(head.status)) {
      const feed = new Feed()
      this.responseBodies.set(head.id, feed)
      const coding = DECODERS[headers.get('content-encoding')?.trim().toLowerCase() ?? '']
      body = coding
        ? feed.stream.pipeThrough(
            new DecompressionStream(coding as CompressionFormat) as unknown as ReadableWritablePair<Uint8Array, Uint8Array>,
          )
        : feed.stream
    }
    this.log.onResponse(head.id, new Response(body, { status: head.status, headers }))
  }

  responseData(id: string, chunk: Uint8Array, ended: boolean): void {
    const feed = this.responseBodies.get(id)
    feed?.push(chunk)
    if (ended) this.endResponse(id)
  }

  /** The connection closed before the exchange ended: no response, or a body cut short (kept as far as it came). */
  aborted(id: string, reason: string): void {
    this.endRequest(id)
    const feed = this.responseBodies.get(id)
    if (!feed) return this.log.onError(id, `no response: ${reason}`)
    this.log.onCut(id, `the body was cut off after ${feed.bytes} bytes: ${reason}`)
    this.endResponse(id)
  }

  private endRequest(id: string): void {
    this.requestBodies.get(id)?.end()
    this.requestBodies.delete(id)
  }

  private endResponse(id: string): void {
    this.responseBodies.get(id)?.end()
    this.responseBodies.delete(id)
  }
}
