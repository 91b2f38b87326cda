import { RECORDING_FORMAT, RECORDING_VERSION, type Recording } from './recording.js'
import { RecordingError, formatJsonPath } from './recording-error.js'
import { recordingSchema } from './recording-schema.js'

/** "line 3, column 14" for a character offset, so a JSON syntax error can be found in an editor. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n')
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`
}

/** Parses JSON text, naming the file and the place of a syntax error. */
export function parseJsonFile(text: string, file: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const position = /position (\d+)/.exec(message)
    const where = position ? ` at ${lineAndColumn(text, Number(position[1]))}` : ''
    throw new RecordingError(file, '$', `not valid JSON${where}: ${message}`)
  }
}

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
  const result = recordingSchema.safeParse(value)
  if (!result.success) {
    const [issue] = result.error.issues
    throw new RecordingError(file, formatJsonPath(issue?.path ?? []), issue?.message ?? 'invalid recording')
  }
  return result.data as Recording
}
