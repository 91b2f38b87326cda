import { PROPERTIES } from '../../properties/index.js'
import type { ClientUnderTest } from '../clients/client-under-test.js'
import type { TrialInput } from '../core/trial-input.js'
import { loadRecording } from '../recording/load-recording.js'
import type { ExampleReplay, StoredExample } from '../runner/fuzz-types.js'
import { listFiles } from '../runtime/files.js'

/** A stored file that was not replayed, and why (one note each; never a crash, never a pass). */
export interface SkippedExample {
  file: string
  reason: string
}

/**
 * The example database: the counterexamples earlier runs saved in a folder (`--found-dir`), each
 * replayed first by the next run of the same client (name and version), judged by every property
 * of that run. A file that no longer parses is skipped with a note.
 */
export interface ExampleDatabase {
  dir: string
  /** client name → its stored examples, in file order. */
  byClient: Map<string, StoredExample[]>
  skipped: SkippedExample[]
  /** Stored examples of these clients' names saved at another version: not replayed. */
  otherVersions: number
}

/**
 * Reads the stored examples of `clients` from `dir` (none when it does not exist). A file saved
 * for a client is replayed for the client of the same name and version; a file from before
 * versions were saved (no `clientVersion`) for the client of that name.
 *
 * @example
 * const db = await readExampleDatabase('recordings/found', [client])
 * const examples = db.byClient.get(client.name) ?? []
 */
export async function readExampleDatabase(dir: string, clients: readonly ClientUnderTest[]): Promise<ExampleDatabase> {
  const db: ExampleDatabase = { dir, byClient: new Map(), skipped: [], otherVersions: 0 }
  const known = new Set(PROPERTIES.map((property) => property.id))
  for (const file of await listFiles(dir, '.json')) {
    let info
    try {
      info = (await loadRecording(file)).counterexample
    } catch (error) {
      // The message names the file and the JSON path; it is a file from elsewhere, so only the message is kept.
      const message = error instanceof Error ? error.message : String(error)
      db.skipped.push({ file, reason: message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message })
      continue
    }
    if (!info) {
      db.skipped.push({ file, reason: 'a recording, not a counterexample (no counterexample block)' })
      continue
    }
    const client = clients.find((c) => c.name === info.client)
    if (!client) continue // another client's: the folder is shared
    if (!info.input) {
      db.skipped.push({ file, reason: 'no saved input (written by an older harness); `replay` still re-runs its scenario' })
      continue
    }
    if (!known.has(info.property)) {
      db.skipped.push({
        file,
        reason: `saved for property ${JSON.stringify(info.property.slice(0, 80))}, which this harness does not have`,
      })
      continue
    }
    if (info.clientVersion !== undefined && info.clientVersion !== client.version) {
      db.otherVersions += 1
      continue
    }
    const list = db.byClient.get(client.name) ?? []
    list.push({ file, property: info.property, input: info.input as TrialInput })
    db.byClient.set(client.name, list)
  }
  return db
}

/** What the run did with the database, for the output: replayed, still failing, holding now. */
export interface ExampleSummary {
  dir: string
  replays: ExampleReplay[]
  skipped: SkippedExample[]
  otherVersions: number
}

/**
 * Lines for a person: how many stored examples were replayed, which still fail (and what), which
 * now hold (kept: a stored example is replayed on every run until its file is deleted, so a bug
 * that comes back is caught at once), and each skipped file.
 *
 * @example
 * for (const line of exampleLines(run.examples)) console.log(line)
 */
export function exampleLines(summary: ExampleSummary | undefined): string[] {
  if (!summary) return []
  const { replays } = summary
  const failing = replays.filter((replay) => replay.violated.length > 0)
  const holding = replays.filter((replay) => replay.violated.length === 0 && replay.ownExercised)
  const unjudged = replays.length - failing.length - holding.length
  const lines: string[] = []
  if (replays.length > 0 || summary.skipped.length > 0 || summary.otherVersions > 0)
    lines.push(
      `stored examples (${summary.dir}): ${replays.length} replayed first: ${failing.length} still fail, ${holding.length} now hold (kept: replayed every run until deleted)` +
        (unjudged > 0 ? `, ${unjudged} did not reach their own property` : '') +
        (summary.otherVersions > 0 ? `; ${summary.otherVersions} saved for other versions, not replayed` : '') +
        (summary.skipped.length > 0 ? `; ${summary.skipped.length} skipped` : ''),
    )
  for (const replay of failing) lines.push(`  still fails: ${replay.example.file} × ${replay.violated.join(', ')}`)
  for (const replay of holding) lines.push(`  now holds:   ${replay.example.file} (${replay.example.property})`)
  for (const skipped of summary.skipped) lines.push(`  note: skipped ${skipped.file}: ${skipped.reason}`)
  return lines
}
