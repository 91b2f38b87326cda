import { decodedText, hasEscapes } from './decoded-text.js'
import { jsonEscaped, type Redactor } from './redactor.js'

import { KEY_WIDTH, keyAt } from './secret-key.js'

/**
 * Which of many redactors' secrets occur in a text, raw or JSON-escaped, in one pass over it: a
 * run report holds a counterexample per failing pair, each with its own redactor and tens of
 * random tokens, and a secret-by-secret `includes` over a 3 MB page took seconds (1 100 secrets).
 * Candidates are indexed by their first characters; each hit is confirmed with `startsWith`.
 *
 * @example
 * const scanner = new SecretScanner(redactors)
 * for (const redactor of scanner.redactorsIn(text)) text = redactor.apply(text)
 */
export class SecretScanner {
  private readonly byKey = new Map<number, Array<{ form: string; redactor: Redactor }>>()

  constructor(private readonly redactors: readonly Redactor[]) {
    for (const redactor of redactors)
      for (const secret of redactor.secrets())
        for (const form of new Set([secret, jsonEscaped(secret)])) this.index(form, redactor)
    // Secrets in any other encoding are found in the decoded text, by their canonical form.
    for (const redactor of redactors) for (const secret of redactor.canonicalSecrets()) this.index(secret, redactor)
  }

  private index(form: string, redactor: Redactor): void {
    const key = keyAt(form, 0)
    const list = this.byKey.get(key)
    if (!list) this.byKey.set(key, [{ form, redactor }])
    else if (!list.some((entry) => entry.form === form && entry.redactor === redactor)) list.push({ form, redactor })
  }

  /** The redactors with a secret in `text` (long secrets by the index, short configured ones by their own check). */
  redactorsIn(text: string): Set<Redactor> {
    const found = new Set<Redactor>()
    this.scan(text, found)
    if (this.byKey.size > 0 && hasEscapes(text)) this.scan(decodedText(text).text, found)
    for (const redactor of this.redactors) if (!found.has(redactor) && redactor.shortLeaksIn(text)) found.add(redactor)
    return found
  }

  private scan(text: string, found: Set<Redactor>): void {
    if (this.byKey.size === 0) return
    for (let at = 0; at + KEY_WIDTH <= text.length; at++) {
      const candidates = this.byKey.get(keyAt(text, at))
      if (!candidates) continue
      for (const { form, redactor } of candidates) if (!found.has(redactor) && text.startsWith(form, at)) found.add(redactor)
    }
  }

  /** The redactors `apply` must run for `text`: those with a secret in it, and those that redact by pattern. */
  neededFor(text: string): Redactor[] {
    const found = this.redactorsIn(text)
    return this.redactors.filter((redactor) => found.has(redactor) || redactor.hasPatterns)
  }
}
