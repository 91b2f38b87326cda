import { http, HttpResponse } from 'msw/http'
import { passthrough } from 'msw/utils/passthrough'
import type { MockServer } from '../network/mock-server.js'
import { HARNESS_HEADER } from '../recording/collect-secrets.js'
import { headerEntries } from '../recording/exchange-codec.js'
import type { Recording, RecordedExchange } from '../recording/recording.js'
import type { EventStream } from '../scenario/event-stream.js'
import { ServerState } from '../scenario/server-state.js'
import { deferredAnswers, idKey } from './deferred-answers.js'
import { isMismatch, RecordedIndex, type Mismatch } from './recorded-index.js'
import { requestKey, type RequestKey } from './request-key.js'
import { liveLocation, rewriteId, rewriteIdInText } from './rewrite-ids.js'
import { parseJsonOr } from '../core/json.js'

export interface ReplayOptions {
  /** Multiplies recorded SSE event spacing; 0 sends every event at once. */
  speed: number
  /** What an unmatched request gets: a 500 naming the closest recording (error), a 404, or the real network. */
  unmatched: 'error' | '404' | 'passthrough'
}

/** A recording made into a mock server; `mismatches` lists every request it could not answer. */
export interface ReplayServer extends MockServer {
  mismatches: Mismatch[]
}

/** How long after a POST's response its answer goes out on the stream (ordering, not timing: not scaled by --speed). */
const ANSWER_AFTER_POST_MS = 2

const NULL_BODY_STATUS = new Set([101, 204, 205, 304])

function parseBody(text: string): unknown {
  if (text === '') return undefined
  return parseJsonOr(text, text)
}

/**
 * Turns a recording into handlers that answer like the recorded server: matched on method, path and
 * JSON-RPC method and params; ids rewritten to the live client's; SSE events at their recorded
 * spacing (scaled by `speed`); answers that came on a GET stream sent there when their POST arrives.
 *
 * @example
 * const server = createReplayServer(await loadRecording(file), { speed: 0, unmatched: 'error' })
 * const trial = await runSession(client, recording.config, server, { timeoutMs: 5000 })
 * console.log(server.mismatches)
 */
export function createReplayServer(recording: Recording, options: ReplayOptions): ReplayServer {
  const index = new RecordedIndex(recording.exchanges)
  const deferred = deferredAnswers(recording.exchanges)
  const state = new ServerState()
  const timers = new Set<ReturnType<typeof setTimeout>>()
  const mismatches: Mismatch[] = []
  let liveStream: EventStream | undefined

  const later = (ms: number, work: () => void) => {
    if (ms <= 0) return work()
    const timer = setTimeout(() => {
      timers.delete(timer)
      work()
    }, ms)
    timers.add(timer)
  }

  function streamResponse(recorded: RecordedExchange, live: RequestKey, recordedId: RequestKey['rpcId']): Response {
    const response = recorded.response!
    const isGet = recorded.request.method === 'GET'
    const stream = state.openStream()
    if (isGet) liveStream = stream
    const events = (response.events ?? []).filter((event) => !(isGet && deferredFor(event)))
    events.forEach((event, i) => {
      later(event.atMs * options.speed, () => {
        stream.sendEvent({ ...event, data: rewriteIdInText(event.data, recordedId, live.rpcId) })
        if (!isGet && i === events.length - 1) stream.close()
      })
    })
    if (!isGet && events.length === 0) stream.close()
    return new Response(stream.body, { status: response.status, headers: headerEntries(response.headers) })
  }

  const deferredFor = (event: { data: string }) => [...deferred.values()].includes(event as never)

  function answer(recorded: RecordedExchange, live: RequestKey, liveUrl: string): Response {
    const response = recorded.response!
    const recordedId = requestKey(recorded.request.method, recorded.request.url, recorded.request.json).rpcId
    if (recordedId !== undefined && live.rpcId !== undefined) {
      const onStream = deferred.get(idKey(recordedId))
      if (onStream) {
        // After this POST's own response has reached the client, as a server answers 202 before it replies on the stream.
        later(ANSWER_AFTER_POST_MS, () =>
          liveStream?.sendEvent({ ...onStream, data: rewriteIdInText(onStream.data, recordedId, live.rpcId) }),
        )
      }
    }
    if (response.events) return streamResponse(recorded, live, recordedId)
    const body = NULL_BODY_STATUS.has(response.status)
      ? null
      : response.json !== undefined
        ? JSON.stringify(rewriteId(response.json, recordedId, live.rpcId))
        : (response.text ?? null)
    const headers = headerEntries(response.headers).map(([name, value]): [string, string] =>
      name.toLowerCase() === 'location' ? [name, liveLocation(value, recorded.request.url, liveUrl)] : [name, value],
    )
    return new Response(body, { status: response.status, headers })
  }

  function unmatched(mismatch: Mismatch) {
    mismatches.push(mismatch)
    if (options.unmatched === 'passthrough') return passthrough()
    if (options.unmatched === '404')
      return new HttpResponse('Not Found', { status: 404, headers: { 'content-type': 'text/plain' } })
    return HttpResponse.json(
      { error: 'mcp-auth-harness replay: no recorded exchange matches this request', closest: mismatch.closest ?? null },
      { status: 500, headers: { [HARNESS_HEADER]: 'unmatched' } },
    )
  }

  return {
    handlers: [
      http.all('*', async ({ request }) => {
        const live = requestKey(request.method, request.url, parseBody(await request.text()))
        const result = index.take(live)
        return isMismatch(result) ? unmatched(result) : answer(result.exchange, live, request.url)
      }),
    ],
    unhandled: options.unmatched === 'passthrough' ? 'bypass' : 'error',
    mismatches,
    close() {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      state.closeAll()
    },
  }
}
