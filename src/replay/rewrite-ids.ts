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
