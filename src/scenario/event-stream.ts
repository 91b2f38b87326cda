const encoder = new TextEncoder()

/**
 * A server-side `text/event-stream` body the scenario can write to while the client reads.
 * Every stream a trial opens is closed when the trial ends, so nothing outlives it.
 */
export class EventStream {
  readonly body: ReadableStream<Uint8Array>
  private controller!: ReadableStreamDefaultController<Uint8Array>
  private closed = false

  constructor(onCancel?: () => void) {
    this.body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        this.controller = controller
      },
      cancel: () => {
        this.closed = true
        onCancel?.()
      },
    })
  }

  send(event: string, data: string): void {
    if (this.closed) return
    const lines = data
      .split('\n')
      .map((line) => `data: ${line}`)
      .join('\n')
    this.controller.enqueue(encoder.encode(`event: ${event}\n${lines}\n\n`))
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.controller.close()
  }

  response(headers: Record<string, string> = {}): Response {
    return new Response(this.body, {
      status: 200,
      headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...headers },
    })
  }
}
