import type { RecordedExchange } from '../recording/recording.js'
import type { SseEvent } from '../core/exchange.js'
import { requestKey } from './request-key.js'
import { parseJsonOr } from '../core/json.js'

/** JSON-RPC ids compare by their JSON text, so 1 and "1" stay different. */
export function idKey(id: unknown): string {
  return JSON.stringify(id)
}

function responseId(data: string): string | undefined {
  const message = parseJsonOr(data, undefined) as { id?: unknown; result?: unknown; error?: unknown } | null | undefined
  return message && typeof message === 'object' && 'id' in message && ('result' in message || 'error' in message)
    ? idKey(message.id)
    : undefined
}

/**
 * Answers that travelled on a GET stream but belong to a POST (legacy HTTP+SSE, or a Streamable
 * HTTP server answering 202 and replying on the stream): id → event. Replay sends each on the live
 * stream when the matching POST arrives, instead of at its recorded time.
 */
export function deferredAnswers(exchanges: readonly RecordedExchange[]): Map<string, SseEvent> {
  const postedIds = new Set<string>()
  for (const exchange of exchanges) {
    if (exchange.request.method !== 'POST') continue
    const key = requestKey('POST', exchange.request.url, exchange.request.json)
    if (key.rpcId !== undefined) postedIds.add(idKey(key.rpcId))
  }
  const deferred = new Map<string, SseEvent>()
  for (const exchange of exchanges) {
    if (exchange.request.method !== 'GET') continue
    for (const event of exchange.response?.events ?? []) {
      const id = responseId(event.data)
      if (id !== undefined && postedIds.has(id)) deferred.set(id, event)
    }
  }
  return deferred
}
