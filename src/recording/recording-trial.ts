import type { Trial } from '../core/trial.js'
import { decodeExchange } from './exchange-codec.js'
import type { Recording } from './recording.js'

/** A recording's stored traffic as a Trial, so the properties can judge it offline (`check`). */
export function recordingTrial(recording: Recording): Trial {
  return {
    client: recording.metadata.client,
    config: recording.config,
    exchanges: recording.exchanges.map(decodeExchange),
    outcome: { kind: 'completed' },
    durationMs: 0,
  }
}
