import type { ClientUnderTest } from '../clients/client-under-test.js'
import type { ClientConfig } from '../core/client-config.js'
import type { MockServer } from '../network/mock-server.js'
import { buildRecording } from '../recording/build-recording.js'
import type { Recording } from '../recording/recording.js'
import type { Redactor } from '../recording/redactor.js'
import { runSession } from '../runner/run-trial.js'
import type { Trial } from '../core/trial.js'

/** No handlers: every request goes to the real server, and the traffic log sees it pass. */
const PASSTHROUGH: MockServer = { handlers: [], unhandled: 'bypass', close: () => undefined }

export interface RecordOptions {
  timeoutMs: number
  /** Aborted when the user stops the command: the session ends there and is recorded as far as it got. */
  stop?: AbortSignal
  redact?: readonly RegExp[]
  notes?: string
}

/**
 * Runs a client against a real server with in-process passthrough capture, and returns the
 * trial (unredacted, in memory only) with its redacted recording.
 *
 * @example
 * const { recording, redactor } = await recordSession(clientByName('sdk-streamable'), config, { timeoutMs: 10000 })
 * await writeRecording('recordings/my-server.json', recording, redactor)
 */
export async function recordSession(
  client: ClientUnderTest,
  config: ClientConfig,
  options: RecordOptions,
): Promise<{ trial: Trial; recording: Recording; redactor: Redactor }> {
  const trial = await runSession(client, config, PASSTHROUGH, {
    timeoutMs: options.timeoutMs,
    ...(options.stop ? { stop: options.stop } : {}),
  })
  const { recording, redactor } = buildRecording({
    config,
    exchanges: trial.exchanges,
    client: client.name,
    source: 'record',
    ...(options.redact ? { redact: options.redact } : {}),
    ...(options.notes === undefined ? {} : { notes: options.notes }),
  })
  return { trial, recording, redactor }
}
