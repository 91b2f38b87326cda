/**
 * undici's WHATWG event-stream parser (the one behind Node's `EventSource`). It is an internal
 * module of a pinned undici version; `test/sse-parser.test.ts` pins the behaviour we rely on.
 */
declare module 'undici/lib/web/eventsource/eventsource-stream.js' {
  import type { Transform } from 'node:stream'

  /** One event block as parsed, before `EventSource` decides whether to dispatch it. */
  export interface EventSourceStreamEvent {
    data?: string
    event?: string
    id?: string
    retry?: string
  }

  export class EventSourceStream extends Transform {
    constructor(options?: { push?: (chunk: unknown) => boolean; maxEventSize?: number })
    protected processEvent(event: EventSourceStreamEvent): void
  }
}
