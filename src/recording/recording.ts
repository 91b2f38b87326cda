import type { ClientConfig } from '../config/client-config.js'
import type { SseEvent } from '../traffic/exchange.js'

/** Identifies the file kind; `version` changes whenever a reader of the old shape would misread the new one. */
export const RECORDING_FORMAT = 'mcp-auth-harness/recording'
export const RECORDING_VERSION = 1

/** A request or response body: parsed JSON when it was JSON, else text; SSE responses carry `events`. */
export interface RecordedBody {
  json?: unknown
  text?: string
}

export interface RecordedRequest extends RecordedBody {
  method: string
  url: string
  /** Header names lower case, as sent (fetch joins repeated headers with ", "). */
  headers: Record<string, string>
}

export interface RecordedResponse extends RecordedBody {
  status: number
  headers: Record<string, string>
  /** For `text/event-stream`: the events with their times relative to the response start. */
  events?: SseEvent[]
}

/** One Exchange, readable on its own. `order` keeps the send/receive interleaving of the session. */
export interface RecordedExchange {
  seq: number
  order: { request: number; response?: number }
  request: RecordedRequest
  response?: RecordedResponse
  error?: string
}

export interface RecordingMetadata {
  tool: string
  toolVersion: string
  /** How it was made: a client run, the recording proxy, a HAR import, or reconstructed by hand from a report. */
  source: 'record' | 'proxy' | 'har' | 'reconstruction'
  client: string
  transport: ClientConfig['transport']
  recordedAt: string
  notes?: string
}

/**
 * A recorded session: versioned, redacted, stable key order, one exchange per entry.
 *
 * @example
 * const recording = await loadRecording('recordings/claude-code-7290-http.json')
 * console.log(recording.exchanges.length, recording.config.url)
 */
export interface Recording {
  format: typeof RECORDING_FORMAT
  version: typeof RECORDING_VERSION
  metadata: RecordingMetadata
  config: ClientConfig
  exchanges: RecordedExchange[]
}
