import { parseJsonOr } from './json.js'
/** One server-sent event as the client received it, with its time relative to the response start. */
export interface SseEvent {
  event?: string
  data: string
  id?: string
  retry?: number
  atMs: number
}

/**
 * One request and its response as the client saw them.
 *
 * `requestTick` and `responseTick` come from one counter shared by the whole trial, so
 * "the client had received response A before it sent request B" is `A.responseTick < B.requestTick`.
 */
export interface Exchange {
  seq: number
  requestTick: number
  responseTick?: number
  method: string
  url: string
  /** Header names as the web `Headers` object gives them (lower case); repeated headers are joined with ", ". */
  requestHeaders: Array<[string, string]>
  requestBody?: string
  status?: number
  responseHeaders?: Array<[string, string]>
  responseBody?: string
  /** Present for `text/event-stream` responses instead of `responseBody`. */
  events?: SseEvent[]
  /** Set when the response never arrived or its body could not be read. */
  error?: string
  /**
   * Milliseconds from the start of the capture to the request, and for an event stream to its end:
   * what `retry` timing is judged by. Live captures only: recordings do not store times, so a
   * re-recording of the same session stays the same file.
   */
  sentAtMs?: number
  /**
   * When the mock handed its response over: the client cannot see the end of a stream before it,
   * so a wait measured from it is never shorter than the client's, however late the judge's own
   * copy of the stream is read on a busy machine.
   */
  answeredAtMs?: number
  streamEndedAtMs?: number
}

/** The value of a header in a header list, by case-insensitive name; undefined when absent. */
export function headerValue(headers: Array<[string, string]> | undefined, name: string): string | undefined {
  const wanted = name.toLowerCase()
  return headers?.find(([key]) => key.toLowerCase() === wanted)?.[1]
}

/** The JSON-RPC method of a request body, or undefined for a non-JSON-RPC body. */
export function jsonRpcMethod(body: string | undefined): string | undefined {
  if (!body) return undefined
  const parsed = parseJsonOr(body, undefined)
  const message: unknown = Array.isArray(parsed) ? parsed[0] : parsed
  const method = (message as { method?: unknown } | null | undefined)?.method
  return typeof method === 'string' ? method : undefined
}

/** Whether a request body opens a version negotiation: `initialize`, or the 2026-era `server/discover` probe. */
export function startsNegotiation(body: string | undefined): boolean {
  const method = jsonRpcMethod(body)
  return method === 'initialize' || method === 'server/discover'
}
