import type { HttpHandler } from 'msw/http'

/**
 * Anything that answers a trial's requests: a Scenario's mock server, a replayed recording, or
 * nothing at all (record mode). `close()` ends every stream it holds open.
 */
export interface MockServer {
  handlers: HttpHandler[]
  /** What happens to a request no handler answers: an error (every trial host is fake) or the real network. */
  unhandled: 'error' | 'bypass'
  close(): void
}
