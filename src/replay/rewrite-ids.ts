import { NOT_JSON, parseJsonOr } from '../core/json.js'
type Id = string | number | null | undefined

/**
 * A recorded answer with its JSON-RPC id replaced by the id the live client sent, when the
 * recorded answer carried the recorded request's id. Other messages pass unchanged.
 */
export function rewriteId(message: unknown, recordedId: Id, liveId: Id): unknown {
  if (recordedId === undefined || liveId === undefined) return message
  if (Array.isArray(message)) return message.map((item) => rewriteId(item, recordedId, liveId))
  if (message && typeof message === 'object' && 'id' in message && (message as { id: unknown }).id === recordedId) {
    return { ...message, id: liveId }
  }
  return message
}

/** The same for text that may be JSON (an SSE event's data). */
export function rewriteIdInText(text: string, recordedId: Id, liveId: Id): string {
  if (recordedId === undefined || liveId === undefined) return text
  const parsed = parseJsonOr(text, NOT_JSON)
  return parsed === NOT_JSON ? text : JSON.stringify(rewriteId(parsed, recordedId, liveId))
}

/** A redaction placeholder (`<redacted:code#1>`): its `#` would cut a URL's query short, so in a URL it is percent-encoded. */
const PLACEHOLDER = /<redacted:[^>]*>/g

/**
 * A recorded redirect's `Location` as the live client should get it: redaction placeholders
 * percent-encoded (the recorded code is one; raw, its `#` turns the rest of the query into a
 * fragment), and the OAuth `state` it echoed replaced by the state of the live request (a recorded
 * authorization server echoed the state it was sent, RFC 6749 §4.1.2, and a client that checks
 * it, as it should, would discard the recorded one).
 */
export function liveLocation(location: string, recordedUrl: string, liveUrl: string): string {
  const encoded = location.replace(PLACEHOLDER, (placeholder) => encodeURIComponent(placeholder))
  if (!URL.canParse(encoded, recordedUrl) || !URL.canParse(recordedUrl) || !URL.canParse(liveUrl)) return encoded
  const recordedState = new URL(recordedUrl).searchParams.get('state')
  const liveState = new URL(liveUrl).searchParams.get('state')
  const target = new URL(encoded, recordedUrl)
  if (recordedState === null || liveState === null || target.searchParams.get('state') !== recordedState) return encoded
  target.searchParams.set('state', liveState)
  return target.href
}
