import { writeTextAtomically } from '../runtime/files.js'
import type { Recording } from './recording.js'
import type { Redactor } from './redactor.js'

/** Two-space JSON with a final newline; key order is fixed by construction, so re-recordings diff cleanly. */
export function serializeRecording(recording: Recording): string {
  return `${JSON.stringify(recording, null, 2)}\n`
}

/**
 * Writes a recording after one last pass of the redactor over the exact bytes, and refuses to
 * write if any known secret is still there.
 */
export async function writeRecording(path: string, recording: Recording, redactor: Redactor): Promise<void> {
  await writeRedactedText(path, serializeRecording(recording), redactor)
}

/** Writes any text (a report, a script) after the same last redaction pass and leak check as a recording. */
export async function writeRedactedText(path: string, raw: string, redactor: Redactor): Promise<void> {
  const text = redactor.apply(raw)
  if (redactor.leaksIn(text)) throw new Error(`refusing to write ${path}: a secret survived redaction`)
  await writeTextAtomically(path, text)
}
