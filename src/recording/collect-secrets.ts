import type { ClientConfig } from '../core/client-config.js'
import { headerEntries, recordedHeader } from './exchange-codec.js'
import type { RecordedExchange, RecordedHeaders } from './recording.js'
import { Redactor } from './redactor.js'

/** JSON fields and form/query parameters whose values are secrets (OAuth and the usual API-key spellings). */
export const SECRET_FIELDS = new Set([
  'access_token',
  'refresh_token',
  'id_token',
  'client_secret',
  'code',
  'code_verifier',
  'token',
  'api_key',
  'apikey',
  'key',
  'password',
  'secret',
  'sig',
  'signature',
  'assertion',
  'client_assertion',
])

/** SECRET_FIELDS without case, `_` or `-`, so camelCase spellings (`accessToken`) match too. */
const SECRET_FIELD_KEYS = new Set([...SECRET_FIELDS].map((field) => field.replace(/[-_]/g, '')))

/** Header names whose values are secrets even when the user did not configure them (the proxy cannot know). */
const SECRET_HEADER =
  /(^authorization$|^proxy-authorization$|api[-_]?key|token|secret|password|subscription-key|(^|[-_])auth([-_]|$))/i

/** The header the harness's own mock answers carry (`unmatched` from a replay): its value is ours, never a secret. */
export const HARNESS_HEADER = 'x-mcp-auth-harness'

function isAuthorization(name: string): boolean {
  return /^(proxy-)?authorization$/i.test(name)
}

/** The secret part of an Authorization-style value: the credentials after the scheme, or all of it. */
function credentialOf(value: string): string {
  const match = /^[A-Za-z][\w.-]*\s+(\S.*)$/.exec(value.trim())
  return match ? match[1]! : value
}

/**
 * Registers an Authorization value's credential. A Basic credential is also decoded (RFC 7617:
 * base64 of `user:password`, each part form-encoded for OAuth client authentication, RFC 6749
 * §2.3.1), so the password is redacted wherever it appears decoded too.
 */
function addCredential(value: string, label: string, redactor: Redactor, configured: boolean): void {
  const credential = credentialOf(value)
  const add = (secret: string, as: string) => (configured ? redactor.addConfigured(secret, as) : redactor.add(secret, as))
  add(credential, label)
  if (!/^basic\s/i.test(value.trim())) return
  const decoded = decodeBasic(credential)
  if (!decoded) return
  add(decoded.password, `${label} password`)
  if (decoded.password !== decoded.rawPassword) add(decoded.rawPassword, `${label} password`)
}

function decodeBasic(credential: string): { password: string; rawPassword: string } | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(credential)) return undefined
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(credential), (c) => c.charCodeAt(0)))
  } catch {
    return undefined // not base64 of UTF-8 text: the credential itself is still redacted
  }
  const colon = text.indexOf(':')
  if (colon < 0) return undefined
  const rawPassword = text.slice(colon + 1)
  let password = rawPassword
  try {
    password = decodeURIComponent(rawPassword.replace(/\+/g, ' '))
  } catch {
    // not form-encoded: the raw password is the password
  }
  return { password, rawPassword }
}

/**
 * The parts of a header value fetch merged from repeated headers (`Bearer A, Bearer B`), each a
 * secret of its own, so a report can say which values were merged without showing any. A value
 * with a comma whose parts are too short to redact alone stays one secret.
 */
function secretComponents(value: string): string[] {
  const parts = value.split(/,\s*/)
  const credential = (part: string) => credentialOf(part)
  if (parts.length > 1 && parts.every((part) => credential(part).length >= Redactor.MIN_SECRET_LENGTH)) return parts
  return [value]
}

/** Whether a field or parameter name is a secret's: `client_secret`, `clientSecret` and `Client-Secret` alike. */
export function isSecretField(name: string): boolean {
  return SECRET_FIELD_KEYS.has(name.toLowerCase().replace(/[-_]/g, ''))
}

function collectFromParams(params: URLSearchParams, redactor: Redactor): void {
  for (const [name, value] of params) if (isSecretField(name)) redactor.add(value, name)
}

/** Walks a JSON value with a stack, not recursion: a hostile body nested 100 000 deep is data, not a crash. */
function collectFromJson(value: unknown, redactor: Redactor): void {
  const pending: unknown[] = [value]
  while (pending.length > 0) {
    const current = pending.pop()
    if (Array.isArray(current)) pending.push(...current)
    else if (current && typeof current === 'object')
      for (const [key, item] of Object.entries(current)) {
        if (typeof item === 'string' && isSecretField(key)) redactor.add(item, key)
        else pending.push(item)
      }
  }
}

/**
 * The fields of a `multipart/form-data` body (RFC 7578): each part's name and its value as text. A
 * token request may send `client_secret` that way.
 */
function multipartFields(text: string, contentType: string): Array<[string, string]> {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)
  const delimiter = boundary?.[1] ?? boundary?.[2]
  if (!delimiter) return []
  const fields: Array<[string, string]> = []
  for (const part of text.split(`--${delimiter}`)) {
    const split = /\r?\n\r?\n/.exec(part)
    if (!split) continue
    const head = part.slice(0, split.index)
    const name = /content-disposition:[^\r\n]*;\s*name="([^"]*)"/i.exec(head)?.[1]
    if (name !== undefined) fields.push([name, part.slice(split.index + split[0].length).replace(/\r?\n$/, '')])
  }
  return fields
}

function collectFromText(text: string | undefined, contentType: string | undefined, redactor: Redactor): void {
  if (text === undefined) return
  if (contentType?.toLowerCase().includes('multipart/form-data')) {
    for (const [name, value] of multipartFields(text, contentType)) if (isSecretField(name)) redactor.add(value, name)
    return
  }
  // Media types are case-insensitive (RFC 9110 §8.3.1): `Application/X-WWW-Form-Urlencoded` is a form too.
  if (contentType?.toLowerCase().includes('application/x-www-form-urlencoded'))
    return collectFromParams(new URLSearchParams(text), redactor)
  try {
    collectFromJson(JSON.parse(text), redactor)
  } catch {
    // Not JSON: free text is covered by the secrets found elsewhere and by --redact patterns.
  }
}

function collectFromHeaders(headers: RecordedHeaders, redactor: Redactor): void {
  for (const [name, value] of headerEntries(headers)) {
    const lower = name.toLowerCase()
    if (lower === HARNESS_HEADER) continue
    if (lower === 'cookie') {
      for (const pair of value.split(';')) redactor.add(pair.slice(pair.indexOf('=') + 1).trim(), 'Cookie')
    } else if (lower === 'set-cookie') {
      for (const cookie of value.split(/,(?=\s*[^;,=\s]+=)/))
        redactor.add(
          cookie
            .split(';')[0]!
            .slice(cookie.indexOf('=') + 1)
            .trim(),
          'Set-Cookie',
        )
    } else if (lower === 'location') {
      collectFromParams(new URL(value, 'http://relative.invalid').searchParams, redactor)
    } else if (SECRET_HEADER.test(lower)) {
      const label = lower === 'authorization' ? 'Authorization' : name
      for (const part of secretComponents(value))
        if (isAuthorization(lower)) addCredential(part, label, redactor, false)
        else redactor.add(part, label)
    }
  }
}

/**
 * Registers every secret of a session with the redactor: configured header values first (so their
 * placeholders carry the names the user wrote), then credentials in headers, cookies, token-like
 * query and form parameters, and OAuth fields in JSON bodies and SSE events.
 */
export function collectSecrets(config: ClientConfig, exchanges: readonly RecordedExchange[], redactor: Redactor): void {
  for (const [name, value] of Object.entries(config.headers)) {
    // The user said these are secret: redacted however short (as whole tokens when under 4 characters).
    if (isAuthorization(name)) addCredential(value, name, redactor, true)
    else redactor.addConfigured(value, name)
  }
  // A grant's own credentials (never the harness's test ones, which are not in a config): the
  // secret, private key, ID token or workload token, each whole wherever it appears.
  const credentials = config.credentials as Record<string, unknown> | undefined
  for (const field of ['clientSecret', 'privateKeyPem', 'idToken', 'assertion'])
    if (typeof credentials?.[field] === 'string') redactor.addConfigured(credentials[field] as string, `credentials.${field}`)
  collectFromParams(new URL(config.url).searchParams, redactor)
  for (const { request, response } of exchanges) {
    collectFromHeaders(request.headers, redactor)
    collectFromParams(new URL(request.url).searchParams, redactor)
    if (request.json !== undefined) collectFromJson(request.json, redactor)
    collectFromText(request.text, recordedHeader(request.headers, 'content-type'), redactor)
    if (!response) continue
    collectFromHeaders(response.headers, redactor)
    if (response.json !== undefined) collectFromJson(response.json, redactor)
    collectFromText(response.text, recordedHeader(response.headers, 'content-type'), redactor)
    for (const event of response.events ?? []) collectFromText(event.data, undefined, redactor)
  }
}

/**
 * A redactor made from a file's own secrets: for output drawn from a recording that came from
 * elsewhere (hand-edited, or older than a redaction rule), so a live secret in it is still caught.
 *
 * @example
 * const redactor = recordingRedactor(await loadRecording('recordings/found/x.json'))
 */
export function recordingRedactor(recording: {
  config: ClientConfig
  exchanges: readonly RecordedExchange[]
  counterexample?: { input?: { config: unknown }; curl?: readonly string[] } | undefined
}): Redactor {
  const redactor = new Redactor()
  collectSecrets(recording.config, recording.exchanges, redactor)
  // A counterexample carries the config again and its requests as curl: a hand-edited file may hold a live value there too.
  const input = recording.counterexample?.input
  // Validated by the recording schema when the file was loaded.
  if (input) collectSecrets(input.config as ClientConfig, [], redactor)
  for (const command of recording.counterexample?.curl ?? [])
    for (const [, name, value] of command.matchAll(/-H '([^':]+):\s*([^']*)'/g)) collectFromHeaders({ [name!]: value! }, redactor)
  return redactor
}
