import { basename, join } from 'node:path'
import { writeRecording, writeRedactedText } from '../recording/write-recording.js'
import type { PropertyResult } from '../runner/fuzz.js'
import { safeFileName } from './safe-file-name.js'
import { counterexampleRecording, type CounterexampleOptions } from './counterexample-recording.js'

import { DEFAULT_FOUND_DIR } from './text-report.js'

export { DEFAULT_FOUND_DIR }

/** A file name from a client and property: `cmd:` names keep only safe characters. */
function baseName(result: PropertyResult): string {
  const ce = result.counterexample!
  const where =
    ce.phase === 'coverage'
      ? `coverage${ce.path}`
      : ce.phase === 'example'
        ? `example-${safeFileName(basename(ce.label ?? 'stored', '.json'), 60)}`
        : `seed${ce.seed}`
  return `${safeFileName(result.client, 60)}--${result.property.id}--${where}`
}

/**
 * Saves a violated result's shrunk counterexample in `dir`: `<client>--<property>--seed<N>.json`
 * (`--coverage<I>.json` for a coverage-phase find)
 * (a recording with the counterexample block; `replay` re-runs it) and a `.curl.sh` beside it with
 * the requests as curl commands. Both are redacted and leak-checked. Returns the JSON file's path.
 *
 * @example
 * const file = await saveCounterexample(result, 'recordings/found', { timeoutMs: 5000 })
 */
export async function saveCounterexample(result: PropertyResult, dir: string, options: CounterexampleOptions): Promise<string> {
  const { recording, redactor } = counterexampleRecording(result, options)
  const info = recording.counterexample!
  const file = join(dir, `${baseName(result)}.json`)
  await writeRecording(file, recording, redactor)
  // Text a client controls (a client_id, a scope) goes into comment lines: a line break in it
  // must not end the comment and become a command.
  const comment = (text: string) => `# ${text.replace(/[\r\n\u2028\u2029]/g, '⏎')}`
  const script = [
    '#!/bin/sh',
    comment(`${info.client} violates ${info.property} [${info.level}]: ${info.statement}`),
    ...info.violations.map((v) => comment(`  - ${v.message}`)),
    comment(`reproduce: ${info.reproduce}`),
    comment(`replay:    npx mcp-auth-harness replay ${file}`),
    '# The requests the client sent, in order (secrets redacted):',
    ...info.curl,
    '',
  ].join('\n')
  await writeRedactedText(file.replace(/\.json$/, '.curl.sh'), script, redactor)
  return file
}
