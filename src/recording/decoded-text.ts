// A text with its escapes decoded, each decoded character remembering where it stood in the
// original. Secrets are matched on the decoded text, so every encoder's spelling of a secret is
// found (Python's `%2A`, PHP's `\/`, `&#x2F;` …) without listing encoders; the original span of a
// match is what gets replaced.

/** A decoded text and, for each of its UTF-16 units, the original span it came from. */
export interface DecodedText {
  text: string
  /** starts[i], ends[i]: the span of the original text that decoded unit i came from. */
  starts: number[]
  ends: number[]
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", sol: '/', nbsp: ' ' }
const JSON_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }

const isHex = (text: string) => /^[0-9A-Fa-f]+$/.test(text)

/** The bytes of consecutive `%XX` escapes from `at`, as far as they go. */
function percentRun(text: string, at: number): number[] {
  const bytes: number[] = []
  for (let i = at; text[i] === '%' && isHex(text.slice(i + 1, i + 3)) && i + 3 <= text.length; i += 3)
    bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16))
  return bytes
}

/** How many bytes the UTF-8 sequence led by `byte` has (0: not a lead byte). */
function utf8Length(byte: number): number {
  if (byte < 0x80) return 1
  if (byte >= 0xc2 && byte < 0xe0) return 2
  if (byte >= 0xe0 && byte < 0xf0) return 3
  if (byte >= 0xf0 && byte < 0xf5) return 4
  return 0
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** The escape at `at`, if one starts there: what it decodes to and how long it is in the original. */
function escapeAt(text: string, at: number): { value: string; length: number } | undefined {
  const char = text[at]
  if (char === '%') {
    const bytes = percentRun(text, at)
    if (bytes.length === 0) return undefined
    const length = utf8Length(bytes[0]!)
    // Not UTF-8 (a Latin-1 `%E9`, random bytes): one U+FFFD for the byte, as a WHATWG URL parser
    // (URLSearchParams, which registered the secret) decodes it, so both sides read the same.
    if (length === 0 || bytes.length < length) return { value: '\uFFFD', length: 3 }
    try {
      return { value: utf8.decode(new Uint8Array(bytes.slice(0, length))), length: 3 * length }
    } catch {
      return { value: '\uFFFD', length: 3 }
    }
  }
  if (char === '+') return { value: ' ', length: 1 }
  if (char === '\\') {
    const next = text[at + 1]
    if (next === 'u' && isHex(text.slice(at + 2, at + 6)) && at + 6 <= text.length)
      return { value: String.fromCharCode(Number.parseInt(text.slice(at + 2, at + 6), 16)), length: 6 }
    if (next !== undefined && JSON_ESCAPES[next] !== undefined) return { value: JSON_ESCAPES[next], length: 2 }
    return undefined
  }
  if (char === '&') {
    const match = /^&(#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[a-z]{2,6});/.exec(text.slice(at, at + 12))
    if (!match) return undefined
    const name = match[1]!
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10)
      if (code > 0x10ffff) return undefined
      return { value: String.fromCodePoint(code), length: match[0].length }
    }
    const named = NAMED_ENTITIES[name]
    return named === undefined ? undefined : { value: named, length: match[0].length }
  }
  return undefined
}

/** One pass of decoding over `source`, spans composed with `source`'s own (for nested escapes). */
function decodeOnce(source: DecodedText): DecodedText {
  const { text } = source
  let out = ''
  const starts: number[] = []
  const ends: number[] = []
  for (let at = 0; at < text.length;) {
    const escape = escapeAt(text, at)
    const length = escape?.length ?? 1
    const value = escape?.value ?? text[at]!
    for (let unit = 0; unit < value.length; unit++) {
      starts.push(source.starts[at]!)
      ends.push(source.ends[at + length - 1]!)
    }
    out += value
    at += length
  }
  return { text: out, starts, ends }
}

/** How deep escapes may nest: a JSON string inside a JSON string inside an HTML page, and then some. */
const MAX_PASSES = 8

/**
 * `text` with percent-escapes (either case, `+` as space), JSON escapes (`\/`, `\uXXXX`, …) and
 * HTML entities decoded, again and again until nothing changes (nested escapes), each unit mapped
 * to its original span. Secrets are compared in the same form (`canonicalSecret`), so a secret
 * that itself looks escaped (`a%1B`) is decoded alike on both sides.
 *
 * @example
 * decodedText('a%2Ab\\/c').text // 'a*b/c'
 */
export function decodedText(text: string): DecodedText {
  let current: DecodedText = { text, starts: [], ends: [] }
  for (let i = 0; i < text.length; i++) {
    current.starts.push(i)
    current.ends.push(i + 1)
  }
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = decodeOnce(current)
    if (next.text === current.text) break
    current = next
  }
  return current
}

/** A secret as it is compared with decoded text: decoded the same way, so `+` and space are one. */
export function canonicalSecret(secret: string): string {
  return hasEscapes(secret) ? decodedText(secret).text : secret
}

/** Whether `text` has anything `decodedText` would change (most lines do not: the fast path). */
export function hasEscapes(text: string): boolean {
  return /[%+\\&]/.test(text)
}
