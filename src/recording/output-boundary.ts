// The one redaction boundary: every byte the process writes (stdout, stderr, files, the live page)
// passes `redactOutput`, which knows every secret any redactor in this process has learnt. The
// per-file redactors give stable placeholders; this catches what reaches an output some other way
// (a client's stderr, a listing of live traffic, an argument echoed in a usage error).
import type { Trial } from '../core/trial.js'
import { type OutputFormat, setOutputFilter } from '../runtime/process.js'
import { collectSecrets } from './collect-secrets.js'
import { encodeExchange } from './exchange-codec.js'
import { Redactor } from './redactor.js'

const everySecret = new Redactor()

Redactor.onSecret = (from, secret, label, configured) => {
  // Every file's redactor learns the same session secrets again: only a new one costs a rebuild.
  if (from === everySecret || everySecret.knows(secret)) return
  if (configured) everySecret.addConfigured(secret, label)
  else everySecret.add(secret, label)
}

/**
 * `text` with every secret known to this process replaced by a placeholder, in any encoding. Text
 * without one (nearly all) is returned as it is after one indexed scan (`Redactor.apply`).
 *
 * @example
 * writeErr(redactOutput(`client error: ${stderrTail}`))
 */
export function redactOutput(text: string, format: OutputFormat = 'text'): string {
  if (everySecret.isEmpty) return text
  const redacted = everySecret.apply(text)
  if (redacted === text) return text
  // Our pages escape every value, so a raw `<redacted:` can only be one just put there: made text, not a tag.
  return format === 'html' ? redacted.replaceAll('<redacted:', '&lt;redacted:') : redacted
}

/**
 * Registers a value as secret for every output of the process (a `--header` value, before it can
 * be echoed anywhere).
 */
export function registerSecret(value: string, label: string): void {
  everySecret.addConfigured(value, label)
}

setOutputFilter(redactOutput)

/**
 * Makes every secret of a live trial (its configured headers and what its traffic carried) known
 * to the boundary: before its outcome, stderr or listing is printed.
 *
 * @example
 * registerTrialSecrets(trial); writeOut(judgementReport(trial, judgements))
 */
export function registerTrialSecrets(trial: Pick<Trial, 'config' | 'exchanges'>): void {
  collectSecrets(trial.config, trial.exchanges.map(encodeExchange), new Redactor())
}
