import type { ClientConfig } from '../core/client-config.js'
import type { SseEvent } from '../core/exchange.js'

/** Identifies the file kind; `version` changes whenever a reader of the old shape would misread the new one. */
export const RECORDING_FORMAT = 'mcp-auth-harness/recording'
export const RECORDING_VERSION = 1

/** A request or response body: parsed JSON when it was JSON, else text; SSE responses carry `events`. */
export interface RecordedBody {
  json?: unknown
  text?: string
}

/**
 * Header names lower case, as sent. Fetch joins repeated headers with ", " except `Set-Cookie`,
 * whose values stay apart: a name with several values holds them as an array, in order.
 */
export type RecordedHeaders = Record<string, string | string[]>

export interface RecordedRequest extends RecordedBody {
  method: string
  url: string
  headers: RecordedHeaders
}

export interface RecordedResponse extends RecordedBody {
  status: number
  headers: RecordedHeaders
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
  /** How it was made: a client run, the recording proxy, a HAR import, reconstructed by hand, or a fuzz counterexample. */
  source: 'record' | 'proxy' | 'forward-proxy' | 'har' | 'reconstruction' | 'fuzz'
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
  /** Present when the recording is a shrunk fuzz counterexample: what failed and how to get it back. */
  counterexample?: CounterexampleInfo
}

/** What a saved counterexample knows beyond its traffic (secrets redacted like the rest of the file). */
export interface CounterexampleInfo {
  client: string
  /** What the client is, with its version (files from before this field lack it). */
  clientDescription?: string
  /** The client's version, when known: a stored example is replayed for the same name and version only. */
  clientVersion?: string
  property: string
  level: string
  statement: string
  /** The phase that found it (`example`: a stored example replayed; absent in files from before phases: random). */
  phase?: 'coverage' | 'random' | 'example'
  seed: number
  /** fast-check path (random phase) or the coverage input's index. */
  path: string
  /** What the coverage input was, for coverage-phase finds; the stored example's file, for example finds. */
  label?: string
  /** The concrete shrunk input, config + plan (secrets redacted as in the config): what `replay` re-runs. */
  input?: { config: unknown; plan: unknown }
  shrinks: number
  /** The exact `fuzz` command that finds it again. */
  reproduce: string
  /** `replay` needs these to run the client the same way. */
  timeoutMs: number
  configFormat?: string
  /** The mock server's Scenario, so `replay` can run it live against a (fixed) client. */
  scenario?: unknown
  outcome: string
  violations: Array<{ exchange?: number; message: string }>
  /** The requests as `curl` commands, in order. */
  curl: string[]
}
