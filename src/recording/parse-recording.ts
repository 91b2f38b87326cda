import { RECORDING_FORMAT, RECORDING_VERSION, type Recording } from './recording.js'
import { RecordingError } from './recording-error.js'
import { validateFile } from './input-file.js'
import { recordingSchema } from './recording-schema.js'

/**
 * Validates a parsed recording: format and version first (so a newer file says so plainly),
 * then the whole shape. Throws a RecordingError naming the JSON path of the first problem.
 */
export function parseRecording(value: unknown, file: string): Recording {
  const head = (value ?? {}) as { format?: unknown; version?: unknown }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new RecordingError(file, '$', 'a recording is a JSON object')
  if (head.format !== RECORDING_FORMAT) {
    throw new RecordingError(
      file,
      '$.format',
      `expected "${RECORDING_FORMAT}", found ${JSON.stringify(head.format)} (is this a recording? HAR files go through import-har)`,
    )
  }
  if (head.version !== RECORDING_VERSION) {
    throw new RecordingError(
      file,
      '$.version',
      `this mcp-auth-harness reads version ${RECORDING_VERSION} recordings, the file is version ${JSON.stringify(head.version)}`,
    )
  }
  return validateFile(recordingSchema, value, file, 'recording') as Recording
}
