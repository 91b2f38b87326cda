import { canonicalSecret, decodedText, hasEscapes } from './decoded-text.js'
import { KEY_WIDTH, keyAt } from './secret-key.js'

/**
 * Replaces secrets by stable placeholders, `<redacted:X-API-Key#1>`: the same secret always gets
 * the same placeholder within one file, so equal secrets stay equal and replay can still match.
 *
 * @example
 * const redactor = new Redactor()
 * redactor.add('test-key-12345', 'X-API-Key')
 * redactor.apply('key=test-key-12345') // 'key=<redacted:X-API-Key#1>'
 */
export class Redactor {
  /** Shorter values are not treated as secrets: replacing them everywhere would mangle unrelated text. */
  static readonly MIN_SECRET_LENGTH = 4
  private readonly placeholders = new Map<string, string>()
  /** Secrets under MIN_SECRET_LENGTH the user configured, each form with its placeholder: replaced only as a whole token. */
  private readonly short = new Map<string, string>()
  private readonly counters = new Map<string, number>()
  /** Each secret as registered (not its encoded forms), canonical for matching decoded text, with its placeholder. */
  private readonly canonical = new Map<string, string>()
  private ordered: string[] | undefined
  /** The registered forms by the key of their start (`keyAt`): built at the first `apply`, then kept up to date. */
  private index: Map<number, string[]> | undefined
  /** The same for the canonical secrets, matched on decoded text (those shorter than a key in `shortCanonical`). */
  private canonicalIndex: Map<number, string[]> | undefined
  private readonly shortCanonical: string[] = []

  constructor(private readonly patterns: readonly RegExp[] = []) {}

  /**
   * Told of every secret any redactor learns (the output boundary listens): what one file knows
   * as secret, no other output of the process may print.
   */
  static onSecret: ((from: Redactor, secret: string, label: string, configured: boolean) => void) | undefined

  /** Whether `secret` is already registered (as itself or as a form of another). */
  knows(secret: string): boolean {
    return this.placeholders.has(secret) || this.short.has(secret)
  }

  /** Registers a secret under a label (header, field or parameter name); returns its placeholder. */
  add(secret: string, label: string): string | undefined {
    if (secret.length < Redactor.MIN_SECRET_LENGTH || isPlaceholder(secret)) return undefined
    const known = this.placeholders.get(secret)
    if (known) return known
    Redactor.onSecret?.(this, secret, label, false)
    const placeholder = this.nextPlaceholder(label)
    this.register(secret, placeholder)
    // Matched on decoded text in each script form too (an NFD spelling decodes to NFD text), and as
    // a Latin-1 encoder's escapes decode (`%E9` is one byte that is not UTF-8: U+FFFD).
    const latin1Decoded = latin1Bytes(secret) && /[\u0080-\uffff]/.test(secret) ? [secret.replace(/[\x80-\xff]/g, '\uFFFD')] : []
    for (const form of [...scriptForms(secret), ...latin1Decoded]) {
      const canonical = canonicalSecret(form)
      if (this.canonical.has(canonical)) continue
      this.canonical.set(canonical, placeholder)
      if (canonical.length < KEY_WIDTH) this.shortCanonical.push(canonical)
      else if (this.canonicalIndex) indexForm(this.canonicalIndex, canonical)
    }
    // The same secret as it travels in a URL, a form body or a JSON string gets the same placeholder.
    for (const variant of encodedForms(secret))
      if (variant.length >= Redactor.MIN_SECRET_LENGTH && !this.placeholders.has(variant)) this.register(variant, placeholder)
    this.ordered = undefined
    return placeholder
  }

  /** One form with its placeholder, indexed as it comes (a process-wide redactor learns thousands one by one). */
  private register(form: string, placeholder: string): void {
    this.placeholders.set(form, placeholder)
    if (this.index) indexForm(this.index, form)
  }

  /**
   * Registers a value the user configured as secret (a header value), however short. A value under
   * MIN_SECRET_LENGTH is replaced only where it stands as a whole token, not next to a letter, digit
   * or `-._~`: `Q7z` goes in `X-API-Key: Q7z` and `?key=Q7z`, and `x` does not go in `x-api-key`.
   */
  addConfigured(secret: string, label: string): string | undefined {
    if (secret.length >= Redactor.MIN_SECRET_LENGTH || secret === '' || isPlaceholder(secret)) return this.add(secret, label)
    const known = this.short.get(secret)
    if (known) return known
    Redactor.onSecret?.(this, secret, label, true)
    const placeholder = this.nextPlaceholder(label)
    for (const form of [secret, ...encodedForms(secret)]) if (!this.short.has(form)) this.short.set(form, placeholder)
    return placeholder
  }

  /** `<redacted:LABEL#N>`, N counting the secrets of that label: stable within one file. */
  private nextPlaceholder(label: string): string {
    const n = (this.counters.get(label) ?? 0) + 1
    this.counters.set(label, n)
    return `<redacted:${label}#${n}>`
  }

  /** Every registered secret, longest first (so a secret containing another is replaced whole). */
  secrets(): string[] {
    this.ordered ??= [...this.placeholders.keys()].sort((a, b) => b.length - a.length)
    return this.ordered
  }

  apply(text: string): string {
    let out = text
    for (const pattern of this.patterns) {
      const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`)
      out = out.replace(global, (match) => (isPlaceholder(match) ? match : (this.add(match, 'pattern') ?? match)))
    }
    for (const secret of this.secretsIn(out)) {
      if (out.includes(secret)) out = out.split(secret).join(this.placeholders.get(secret)!)
    }
    out = this.applyDecoded(out)
    out = this.applyUnwrapped(out)
    for (const [secret, placeholder] of this.short) if (out.includes(secret)) out = out.replace(wholeToken(secret), placeholder)
    return out
  }

  /**
   * Replaces secrets written in an encoding no list foresees (Python's `%2A`, PHP's `\/`, an HTML
   * entity, two escapes deep): matched on the decoded text, replaced where they stand in the original.
   */
  private applyDecoded(text: string): string {
    if (this.canonical.size === 0 || !hasEscapes(text)) return text
    const decoded = decodedText(text)
    if (decoded.text === text) return text
    const spans: Array<{ start: number; end: number; placeholder: string }> = []
    for (const { at, secret } of this.canonicalIn(decoded.text))
      spans.push({
        start: decoded.starts[at]!,
        end: decoded.ends[at + secret.length - 1]!,
        placeholder: this.canonical.get(secret)!,
      })
    // Longest first at each start, then left to right without overlaps, then replaced from the end.
    spans.sort((a, b) => a.start - b.start || b.end - a.end)
    const kept: typeof spans = []
    for (const span of spans) if (kept.length === 0 || span.start >= kept.at(-1)!.end) kept.push(span)
    let out = text
    for (const span of kept.reverse()) out = out.slice(0, span.start) + span.placeholder + out.slice(span.end)
    return out
  }

  /**
   * Replaces forms wrapped over lines (base64 as MIME and PEM write it, every 64 or 76 characters):
   * matched with the line breaks between two base64 characters taken out, replaced where they stand.
   */
  private applyUnwrapped(text: string): string {
    if (!text.includes('\n') && !text.includes('\\n')) return text
    // For each unit of the unwrapped text, where it stands in `text`.
    const at: number[] = []
    let unwrapped = ''
    let from = 0
    const take = (to: number) => {
      for (let i = from; i < to; i++) at.push(i)
      unwrapped += text.slice(from, to)
    }
    for (const wrap of text.matchAll(BASE64_WRAP)) {
      take(wrap.index)
      from = wrap.index + wrap[0].length
    }
    if (from === 0) return text
    take(text.length)
    const spans: Array<{ start: number; end: number; placeholder: string }> = []
    for (const form of this.secretsIn(unwrapped))
      for (let i = unwrapped.indexOf(form); i >= 0; i = unwrapped.indexOf(form, i + 1))
        spans.push({ start: at[i]!, end: at[i + form.length - 1]! + 1, placeholder: this.placeholders.get(form)! })
    spans.sort((a, b) => a.start - b.start || b.end - a.end)
    let out = ''
    let kept = 0
    for (const span of spans) {
      if (span.start < kept) continue
      out += text.slice(kept, span.start) + span.placeholder
      kept = span.end
    }
    return out + text.slice(kept)
  }

  /**
   * The registered forms that occur in `text`, longest first: one pass over the text with the
   * index, not an `includes` per form (a session's redactor knows some hundred forms, and a
   * recording has thousands of strings, nearly all without any).
   */
  private secretsIn(text: string): string[] {
    if (this.placeholders.size === 0 || text.length < KEY_WIDTH) return []
    if (!this.index) {
      this.index = new Map()
      for (const form of this.placeholders.keys()) indexForm(this.index, form)
    }
    const found = new Set<string>()
    for (let at = 0; at + KEY_WIDTH <= text.length; at++) {
      const candidates = this.index.get(keyAt(text, at))
      if (candidates) for (const form of candidates) if (text.startsWith(form, at)) found.add(form)
    }
    return [...found].sort((a, b) => b.length - a.length)
  }

  /** Whether it knows no secret at all (nothing to redact). */
  get isEmpty(): boolean {
    return this.placeholders.size === 0 && this.short.size === 0
  }

  /** How many distinct secret values it redacts (each counted once, whatever its encodings). */
  count(): number {
    return new Set([...this.placeholders.values(), ...this.short.values()]).size
  }

  /** Whether a known secret is still in `text` (raw or JSON-escaped): the last check before anything is written. */
  leaksIn(text: string): boolean {
    if (this.secrets().some((secret) => text.includes(secret) || text.includes(jsonEscaped(secret))) || this.shortLeaksIn(text))
      return true
    if (!hasEscapes(text)) return false
    return this.canonicalIn(decodedText(text).text).length > 0
  }

  /**
   * Where the canonical secrets occur in decoded `text`: one pass with the index, not a search per
   * secret (a run's boundary knows thousands, and a `--json` report is megabytes).
   */
  private canonicalIn(text: string): Array<{ at: number; secret: string }> {
    if (this.canonical.size === 0) return []
    if (!this.canonicalIndex) {
      this.canonicalIndex = new Map()
      for (const secret of this.canonical.keys()) if (secret.length >= KEY_WIDTH) indexForm(this.canonicalIndex, secret)
    }
    const found: Array<{ at: number; secret: string }> = []
    for (let at = 0; at + KEY_WIDTH <= text.length; at++) {
      const candidates = this.canonicalIndex.get(keyAt(text, at))
      if (candidates) for (const secret of candidates) if (text.startsWith(secret, at)) found.push({ at, secret })
    }
    // Decoding can shorten a secret below a key's width (`%41%42%43` is `ABC`): those few by search.
    for (const secret of this.shortCanonical)
      for (let at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) found.push({ at, secret })
    return found
  }

  /** Every registered secret as it is compared with decoded text (`decodedText`). */
  canonicalSecrets(): string[] {
    return [...this.canonical.keys()]
  }

  /** `leaksIn` for the configured secrets under MIN_SECRET_LENGTH only (whole tokens). */
  shortLeaksIn(text: string): boolean {
    return [...this.short.keys()].some((secret) => wholeToken(secret).test(text) || wholeToken(jsonEscaped(secret)).test(text))
  }

  /** Whether `apply` also redacts by pattern (`--redact`): what no list of known secrets can tell in advance. */
  get hasPatterns(): boolean {
    return this.patterns.length > 0
  }

  /** Applies `apply` to every string (not keys) in a JSON-like value. */
  applyDeep<T>(value: T): T {
    if (typeof value === 'string') return this.apply(value) as T
    if (Array.isArray(value)) return value.map((item) => this.applyDeep(item)) as T
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.applyDeep(item)])) as T
    }
    return value
  }
}

/** Adds `form` to an index of forms by the key of their start. */
function indexForm(index: Map<number, string[]>, form: string): void {
  const key = keyAt(form, 0)
  const list = index.get(key)
  if (list) list.push(form)
  else index.set(key, [form])
}

/**
 * The encodings a secret is written in besides itself: percent-encoded as by `encodeURIComponent`
 * (upper- and lower-case hex) or `encodeURI`, form-encoded (`+` for space), JSON-escaped.
 */
function encodedForms(secret: string): string[] {
  const forms = scriptForms(secret).flatMap((form) => [form, ...escapedForms(form)])
  return [...new Set(forms)].filter((v) => v !== secret)
}

/**
 * The same characters as other programs may hold them: both Unicode normal forms (`é` as one code
 * point or `e` + combining accent), the UTF-8 bytes read as Latin-1 (`Ã©`: a header carries bytes,
 * and a client that sent them may print the text), and back. Only for a secret outside ASCII.
 */
function scriptForms(secret: string): string[] {
  // Nothing outside ASCII: every form is the secret itself.
  if (!/[^\x20-\x7e]/.test(secret)) return [secret]
  const forms = new Set([secret, secret.normalize('NFC'), secret.normalize('NFD')])
  for (const form of Array.from(forms)) {
    forms.add(String.fromCharCode(...new TextEncoder().encode(form)))
    const latin1 = latin1Bytes(form)
    if (latin1) {
      try {
        forms.add(new TextDecoder('utf-8', { fatal: true }).decode(latin1))
      } catch {
        // Its Latin-1 bytes are not UTF-8: it was not mojibake.
      }
    }
  }
  return [...forms]
}

/** The bytes of `text` as Latin-1, when every character has one. */
function latin1Bytes(text: string): Uint8Array | undefined {
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code > 0xff) return undefined
    bytes[i] = code
  }
  return bytes
}

/** The same characters as they travel in a URL (UTF-8 or, for Latin-1 text, one byte each), a form body, a JSON string, base64. */
function escapedForms(secret: string): string[] {
  const percent = encodeURIComponent(secret)
  const form = new URLSearchParams({ s: secret }).toString().slice(2)
  const lower = (text: string) => text.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())
  const json = JSON.stringify(secret).slice(1, -1)
  const bytes = latin1Bytes(secret)
  // A Latin-1 encoder writes é as %E9, one byte: what a WHATWG parser then reads as U+FFFD.
  const latin1Percent =
    bytes && /[\u0080-\uffff]/.test(secret)
      ? [...secret]
          .map((char, i) => (bytes[i]! > 0x7f ? `%${bytes[i]!.toString(16).toUpperCase()}` : encodeURIComponent(char)))
          .join('')
      : undefined
  return [
    percent,
    lower(percent),
    form,
    lower(form),
    encodeURI(secret),
    json,
    ...(latin1Percent ? [latin1Percent, lower(latin1Percent)] : []),
    ...base64Forms(secret),
  ]
}

/**
 * A line break between two base64 characters (raw, or JSON-escaped as a file holds it), with the
 * indent an output may put before the next line (the `--verbose` stderr tail).
 */
const BASE64_WRAP = /(?<=[A-Za-z0-9+/_-])(?:\r?\n|\\r\\n|\\n)[ \t]*(?=[A-Za-z0-9+/_-])/g

/** Below this length a secret's base64 is too short to tell from other base64. */
const MIN_BASE64_SECRET = 8

/**
 * The base64 (standard and URL-safe) a secret shows inside any base64 text, at each of the three
 * alignments it can start at: only the characters that depend on the secret's bytes alone.
 */
function base64Forms(secret: string): string[] {
  if (secret.length < MIN_BASE64_SECRET) return []
  const bytes = new TextEncoder().encode(secret)
  const forms: string[] = []
  for (let offset = 0; offset < 3; offset++) {
    const padded = new Uint8Array(offset + bytes.length)
    padded.set(bytes, offset)
    const encoded = btoa(String.fromCharCode(...padded))
    const core = encoded.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * padded.length) / 6))
    forms.push(core, core.replaceAll('+', '-').replaceAll('/', '_'))
  }
  return forms
}

/** A secret as it is written inside a JSON string. */
export function jsonEscaped(secret: string): string {
  return JSON.stringify(secret).slice(1, -1)
}

/** A short secret standing alone: not next to a letter, digit or `-._~` (what tokens and names are made of). */
function wholeToken(secret: string): RegExp {
  const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(?<![A-Za-z0-9._~-])${escaped}(?![A-Za-z0-9._~-])`, 'g')
}

/** Whether a value is (or holds) a placeholder: such values match anything in replay. */
export function isPlaceholder(value: string): boolean {
  return value.includes('<redacted:')
}
