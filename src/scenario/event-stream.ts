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
    this.sendEvent({ event, data })
  }

  /** Writes one event with any of its fields (replay keeps recorded ids and retry values). */
  sendEvent(event: { event?: string; data: string; id?: string; retry?: number }): void {
    if (this.closed) return
    const fields = [
      ...(event.event === undefined ? [] : [`event: ${event.event}`]),
      ...(event.id === undefined ? [] : [`id: ${event.id}`]),
      ...(event.retry === undefined ? [] : [`retry: ${event.retry}`]),
      ...event.data.split('\n').map((line) => `data: ${line}`),
    ]
    this.controller.enqueue(encoder.encode(`${fields.join('\n')}\n\n`))
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
