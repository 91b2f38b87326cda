import type { z } from 'zod'
import { MAX_JSON_DEPTH, nestedDeeperThan } from '../core/json.js'
import { readText } from '../runtime/files.js'
import { formatJsonPath, RecordingError } from './recording-error.js'

/** "line 3, column 14" for a character offset, so a JSON syntax error can be found in an editor. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n')
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`
}

/** Whether any value is nested deeper than `max`, found without recursion (which is what would overflow). */
/** Parses JSON text, naming the file and the place of a syntax error; refuses absurd nesting. */
export function parseJsonFile(text: string, file: string): unknown {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const position = /position (\d+)/.exec(message)
    const where = position ? ` at ${lineAndColumn(text, Number(position[1]))}` : ''
    throw new RecordingError(file, '$', `not valid JSON${where}: ${message}`)
  }
  if (nestedDeeperThan(parsed, MAX_JSON_DEPTH))
    throw new RecordingError(file, '$', `nested more than ${MAX_JSON_DEPTH} levels deep`)
  return parsed
}

/** Reads and parses a JSON input file (recording, HAR, expected failures); a read error names the file. */
export async function readJsonFile(file: string): Promise<unknown> {
  let text: string
  try {
    text = await readText(file)
  } catch (error) {
    throw new RecordingError(file, '$', `cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
  }
  return parseJsonFile(text, file)
}

/** Validates a parsed file with a zod schema; the error names the file and the JSON path of the first problem. */
export function validateFile<S extends z.ZodType>(
  schema: S,
  value: unknown,
  file: string,
  what: string,
  hint?: string,
): z.infer<S> {
  const result = schema.safeParse(value)
  if (!result.success) {
    const [issue] = result.error.issues
    const message = issue?.message ?? `invalid ${what}`
    throw new RecordingError(file, formatJsonPath(issue?.path ?? []), hint ? `${message} (${hint})` : message)
  }
  return result.data
}
