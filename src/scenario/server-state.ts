import { EventStream } from './event-stream.js'
import { OAuthState } from './oauth-state.js'

/** Mutable state of one trial's mock server: sessions it issued and streams it holds open. */
export class ServerState {
  readonly sessions = new Map<string, EventStream | undefined>()
  /** The first tool call of a `retry: 100` scenario was answered late (see streamable-http-handlers). */
  slowAnswerGiven = false
  /** The first modern request of a `modernRefusal` scenario was refused (it is refused once). */
  modernRefusalGiven = false
  /** The authorization server's memory, for OAuth scenarios. */
  readonly oauth = new OAuthState()
  private readonly streams = new Set<EventStream>()
  private counter = 0

  newSessionId(): string {
    this.counter += 1
    return `session-${this.counter}-${Math.random().toString(36).slice(2, 10)}`
  }

  openStream(): EventStream {
    const stream: EventStream = new EventStream(() => this.streams.delete(stream))
    this.streams.add(stream)
    return stream
  }

  /** Ends every stream still open, so clients and the traffic log see end-of-stream. */
  closeAll(): void {
    for (const stream of this.streams) stream.close()
    this.streams.clear()
  }
}
