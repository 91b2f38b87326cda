import type { ClientConfig } from '../core/client-config.js'
import type { Exchange } from '../core/exchange.js'
import { TOOL_NAME, TOOL_VERSION } from '../version.js'
import { collectSecrets } from './collect-secrets.js'
import { encodeExchange } from './exchange-codec.js'
import { RECORDING_FORMAT, RECORDING_VERSION, type Recording, type RecordingMetadata } from './recording.js'
import { Redactor } from './redactor.js'

export interface BuildRecordingInput {
  config: ClientConfig
  exchanges: readonly Exchange[]
  client: string
  source: RecordingMetadata['source']
  notes?: string
  /** Extra patterns to redact (`--redact`), on top of the built-in secrets. */
  redact?: readonly RegExp[]
  /** Fixed for reproducible files in tests; defaults to now. */
  recordedAt?: string
}

/**
 * Builds a redacted Recording from captured traffic. Returns the redactor too, so the writer can
 * check the exact bytes it writes for any secret that slipped through.
 *
 * @example
 * const { recording } = buildRecording({ config, exchanges: trial.exchanges, client: 'sdk-streamable', source: 'record' })
 */
export function buildRecording(input: BuildRecordingInput): { recording: Recording; redactor: Redactor } {
  const redactor = new Redactor(input.redact)
  const exchanges = input.exchanges.map(encodeExchange)
  collectSecrets(input.config, exchanges, redactor)
  const metadata: RecordingMetadata = {
    tool: TOOL_NAME,
    toolVersion: TOOL_VERSION,
    source: input.source,
    client: input.client,
    transport: input.config.transport,
    recordedAt: input.recordedAt ?? new Date().toISOString(),
    ...(input.notes === undefined ? {} : { notes: input.notes }),
  }
  // A grant's own credentials are registered as secrets above, and left out of the file: a
  // recording names the grant, and redacted placeholders could not be used again anyway.
  const { credentials: _, ...config } = input.config
  const recording: Recording = {
    format: RECORDING_FORMAT,
    version: RECORDING_VERSION,
    metadata,
    config: redactor.applyDeep(config),
    exchanges: redactor.applyDeep(exchanges),
  }
  return { recording, redactor }
}
