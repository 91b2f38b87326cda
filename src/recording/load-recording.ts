import type { Recording } from './recording.js'
import { parseRecording } from './parse-recording.js'
import { readJsonFile } from './input-file.js'

/**
 * Reads and validates a recording file.
 *
 * @example
 * const recording = await loadRecording('recordings/claude-code-7290-http.json')
 */
export async function loadRecording(file: string): Promise<Recording> {
  return parseRecording(await readJsonFile(file), file)
}
