/**
 * A `WWW-Authenticate` parser after RFC 9110 §11.6.1 (`#challenge`, each `auth-scheme [ 1*SP (
 * token68 / #auth-param ) ]`), written as a scanner because one comma separates both the
 * parameters of a challenge and the challenges themselves, which no single regex tells apart.
 *
 * Hand-written on purpose: the judge must not share this with the SDK clients it judges (they carry
 * their own), and oauth4webapi's parser rejects the whole header on `scope=mcp:admin`, an unquoted
 * value with a character outside `token` that real servers send and clients accept. So a value
 * is a quoted-string or, leniently, everything up to the next comma or space.
 */

/** One challenge: the scheme lower case, parameter names lower case, values unquoted. */
export interface Challenge {
  scheme: string
  params: Record<string, string>
  token68?: string
}

const TCHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/
const TOKEN68_CHAR = /[A-Za-z0-9\-._~+/]/
const SPACE = /[ \t]/

class Scanner {
  pos = 0
  constructor(readonly text: string) {}

  get done(): boolean {
    return this.pos >= this.text.length
  }
  peek(offset = 0): string {
    return this.text[this.pos + offset] ?? ''
  }
  skipSpaces(): void {
    while (SPACE.test(this.peek())) this.pos++
  }
  /** Skips the empty list elements and whitespace `#rule` allows between elements. */
  skipSeparators(): void {
    while (SPACE.test(this.peek()) || this.peek() === ',') this.pos++
  }
  read(pattern: RegExp): string {
    const start = this.pos
    while (!this.done && pattern.test(this.peek())) this.pos++
    return this.text.slice(start, this.pos)
  }
  /** Whether a `token BWS "="` that is not token68 padding starts here: the start of an auth-param. */
  atParam(): boolean {
    let i = this.pos
    while (i < this.text.length && TCHAR.test(this.text[i]!)) i++
    if (i === this.pos) return false
    while (SPACE.test(this.text[i] ?? '')) i++
    if (this.text[i] !== '=') return false
    i++
    while (SPACE.test(this.text[i] ?? '')) i++
    // `abc==` or `abc=` at an element end is token68 padding, not an empty parameter value.
    return i < this.text.length && this.text[i] !== '=' && this.text[i] !== ','
  }
}

function readQuoted(scanner: Scanner): string {
  scanner.pos++ // opening quote
  let value = ''
  while (!scanner.done && scanner.peek() !== '"') {
    if (scanner.peek() === '\\' && scanner.pos + 1 < scanner.text.length) scanner.pos++
    value += scanner.peek()
    scanner.pos++
  }
  scanner.pos++ // closing quote (or past the end of an unterminated one)
  return value
}

function readParam(scanner: Scanner, params: Record<string, string>): void {
  const name = scanner.read(TCHAR).toLowerCase()
  scanner.skipSpaces()
  scanner.pos++ // '='
  scanner.skipSpaces()
  const value = scanner.peek() === '"' ? readQuoted(scanner) : scanner.read(/[^,\s]/)
  // RFC 9110: a parameter name occurs at most once per challenge; the first one counts.
  // defineProperty: a parameter named `__proto__` is data, not the object's prototype.
  if (!Object.hasOwn(params, name))
    Object.defineProperty(params, name, { value, enumerable: true, writable: true, configurable: true })
}

/**
 * Every challenge of a `WWW-Authenticate` value, in order; [] for an absent or empty header.
 * Unparseable stretches are skipped, never thrown on: a judge reads what a client would.
 *
 * @example
 * parseChallenges('Basic realm="x", Bearer scope=mcp:admin, error="insufficient_scope"')
 * // [{ scheme: 'basic', params: { realm: 'x' } },
 * //  { scheme: 'bearer', params: { scope: 'mcp:admin', error: 'insufficient_scope' } }]
 */
export function parseChallenges(header: string | undefined): Challenge[] {
  const challenges: Challenge[] = []
  if (!header) return challenges
  const scanner = new Scanner(header)
  while (!scanner.done) {
    scanner.skipSeparators()
    const scheme = scanner.read(TCHAR)
    if (!scheme) {
      if (!scanner.done) scanner.pos++ // not a token: skip the stray character
      continue
    }
    const challenge: Challenge = { scheme: scheme.toLowerCase(), params: {} }
    challenges.push(challenge)
    scanner.skipSpaces()
    if (!scanner.atParam() && TOKEN68_CHAR.test(scanner.peek())) {
      challenge.token68 = scanner.read(TOKEN68_CHAR) + scanner.read(/=/)
      continue
    }
    // Parameters until an element that is not `name=`: that is the next challenge's scheme.
    for (;;) {
      scanner.skipSeparators()
      if (!scanner.atParam()) break
      readParam(scanner, challenge.params)
    }
  }
  return challenges
}

/**
 * The parameter `name` of the challenge a client acts on: the Bearer challenge (MCP authorization
 * uses Bearer tokens), else the first challenge that has it.
 *
 * @example
 * challengeParam('Bearer resource_metadata="https://x/.well-known/oauth-protected-resource"', 'resource_metadata')
 */
export function challengeParam(header: string | undefined, name: string): string | undefined {
  const challenges = parseChallenges(header)
  const bearer = challenges.find((c) => c.scheme === 'bearer')
  const holder = bearer ?? challenges.find((c) => Object.hasOwn(c.params, name))
  return holder && Object.hasOwn(holder.params, name) ? holder.params[name] : undefined
}

/** Whether a WWW-Authenticate value's Bearer challenge carries `error="insufficient_scope"` (RFC 6750 §3.1). */
export function isInsufficientScope(header: string | undefined): boolean {
  return challengeParam(header, 'error') === 'insufficient_scope'
}
