import { readText } from '../runtime/files.js'
import type { Recording } from './recording.js'
import { RecordingError } from './recording-error.js'
import { parseJsonFile, parseRecording } from './parse-recording.js'

/**
 * Reads and validates a recording file.
 *
 * @example
 * const recording = await loadRecording('recordings/claude-code-7290-http.json')
 */
export async function loadRecording(file: string): Promise<Recording> {
  let text: string
  try {
    text = await readText(file)
  } catch (error) {
    throw new RecordingError(file, '$', `cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
  }
  return parseRecording(parseJsonFile(text, file), file)
}
