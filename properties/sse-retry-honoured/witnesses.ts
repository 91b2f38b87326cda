// The faulty reference client(s) of `sse-retry-honoured`: SDK sessions with one bug each, proof that the property can fail.
import { faulty, rewriting } from '../../src/clients/faulty/kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/** An event stream without its `retry:` lines: the client never learns the wait the server asked for. */
function withoutRetryFields(response: Response): Response {
  if (!response.body || !response.headers.get('content-type')?.includes('text/event-stream')) return response
  const decoder = new TextDecoder()
  const encoder = new TextEncoder()
  const body = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        const text = decoder.decode(chunk, { stream: true })
        controller.enqueue(encoder.encode(text.replace(/^retry:.*\n/gm, '')))
      },
    }),
  )
  const edited = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers })
  Object.defineProperty(edited, 'url', { value: response.url })
  return edited
}

/**
 * Reconnects at once, ignoring the server's `retry`. Violates `sse-retry-honoured`. At once, not
 * after a short delay of its own: the gap to the scenario's `retry: 100` is then the whole 100 ms,
 * which a busy machine's late timers do not close.
 */
export const ignoresRetry = faulty(
  'faulty:ignores-retry',
  'SDK client that reconnects a dropped GET stream at once, without waiting the retry the server asked for',
  () => ({ fetch: rewriting(() => undefined, withoutRetryFields), reconnectionDelayMs: 0 }),
)

/** Each violates `sse-retry-honoured`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(ignoresRetry)]
