import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLI, run } from './helpers/cli.js'
import { tempDir } from './helpers/tmp.js'
import { Redactor } from '../src/recording/redactor.js'

// Issue 36 §2 (reliability-2026-12-07, findings 3 and 4): a secret with a character outside ASCII
// is redacted in every form it reaches an output in. Each case was printed in clear before.
const SECRET = 'cnLat1abc123é'
const utf8AsLatin1 = (text: string) => String.fromCharCode(...new TextEncoder().encode(text))

describe('secrets outside ASCII, in every script they travel in', () => {
  it('learnt from a header that carried its UTF-8 bytes (read as Latin-1), it is redacted where the client prints the text', () => {
    const redactor = new Redactor()
    redactor.add(utf8AsLatin1(SECRET), 'Authorization')
    expect(redactor.apply(`client error: exit code 5: secret ${SECRET}`)).not.toContain('cnLat1abc123')
  })

  it('learnt as text, it is redacted as UTF-8 bytes read as Latin-1, and in both Unicode normal forms', () => {
    const redactor = new Redactor()
    redactor.add(SECRET.normalize('NFC'), 'X-API-Key')
    for (const form of [utf8AsLatin1(SECRET), SECRET.normalize('NFD'), SECRET.normalize('NFC')])
      expect(redactor.apply(`got ${form} there`), JSON.stringify(form)).toBe('got <redacted:X-API-Key#1> there')
  })

  it('percent-encoded as Latin-1 (%E9) or as UTF-8 (%C3%A9), either case', () => {
    const redactor = new Redactor()
    redactor.add(SECRET, 'apikey')
    for (const form of ['cnLat1abc123%E9', 'cnLat1abc123%e9', 'cnLat1abc123%C3%A9', 'cnLat1abc123%c3%a9'])
      expect(redactor.apply(`/mcp?apikey=${form}&x=1`), form).toBe('/mcp?apikey=<redacted:apikey#1>&x=1')
  })

  it('learnt from a query string a WHATWG parser decoded (%E9 became U+FFFD), the %E9 in the URL is redacted', () => {
    const redactor = new Redactor()
    const url = 'http://mcp.test/mcp?apikey=cnL0a1b2c3d4%E9'
    redactor.add(new URL(url).searchParams.get('apikey')!, 'apikey')
    expect(redactor.apply(url)).toBe('http://mcp.test/mcp?apikey=<redacted:apikey#1>')
  })

  it('end to end: a client that sent the secret as a header and prints it is redacted in the outcome and error lines', async () => {
    const dir = tempDir()
    const script = join(dir, 'lat.mjs')
    // The report's reproduction: the header carries the UTF-8 bytes (as Latin-1), stderr the text.
    writeFileSync(
      script,
      `const secret = process.env.SEC
await fetch(process.argv.at(-1), { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: 'Bearer ' + Buffer.from(secret, 'utf8').toString('latin1') }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'lat', version: '1' } } }) }).catch(() => undefined)
process.stderr.write('secret ' + secret + '\\n')
process.exit(5)
`,
    )
    const ran = await run('/usr/bin/env', [
      `SEC=${SECRET}`,
      process.execPath,
      CLI,
      'fuzz',
      '--client',
      `cmd:${process.execPath} ${script} {url}`,
      '--property',
      'headers-always-sent',
      '--phases',
      'random',
      '--runs',
      '2',
      '--seed',
      '810834684',
      '--verbose',
      '--found-dir',
      'none',
    ])
    expect(ran.stdout + ran.stderr).toContain('secret <redacted:')
    expect(ran.stdout + ran.stderr).not.toContain('cnLat1abc123')
  })
})

// Issue 36 §2, the report's edge rows: both printed in clear before.
describe('a known secret wrapped over lines, or standing as a URL path segment', () => {
  const KEY = 'cnWrap0123456789abcdefghijklmnopqrstuvwxyz'

  it.each([
    ['MIME, 76 a line', 76, '\r\n'],
    ['PEM, 64 a line', 64, '\n'],
    ['a short wrap, JSON-escaped in a file', 9, '\\n'],
    ['each line indented, as the --verbose stderr tail shows it', 12, '\n      '],
  ])('its base64 wrapped over lines (%s) is redacted', (_, width, eol) => {
    const redactor = new Redactor()
    redactor.add(KEY, 'X-API-Key')
    const encoded = btoa(`some context before it ${KEY} and after it, long enough to wrap`)
    const wrapped = encoded.match(new RegExp(`.{1,${width}}`, 'g'))!.join(eol)
    const out = redactor.apply(`begin${eol}${wrapped}${eol}end`)
    expect(out).toContain('<redacted:X-API-Key#1>')
    // What remains is no longer the secret's base64, whichever line it started on.
    expect(redactor.apply(out.replaceAll(eol, ''))).toBe(out.replaceAll(eol, ''))
    expect(out.startsWith(`begin${eol}`) && out.endsWith(`${eol}end`)).toBe(true)
  })

  it('text on two lines that is no secret is left as it was', () => {
    const redactor = new Redactor()
    redactor.add(KEY, 'X-API-Key')
    const text = `line one with words\nline two with ${btoa('unrelated bytes here')}\n`
    expect(redactor.apply(text)).toBe(text)
  })

  it('a URL path segment equal to the secret, as written and percent-encoded', () => {
    const redactor = new Redactor()
    const key = 'cnPath*Key~77+aa'
    redactor.add(key, 'X-API-Key')
    for (const url of [
      `http://h.test/mcp/${key}/x`,
      `http://h.test/mcp/${encodeURIComponent(key)}`,
      `http://h.test/mcp/${encodeURIComponent(key).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())}`,
    ])
      expect(redactor.apply(url), url).toMatch(/^http:\/\/h\.test\/mcp\/<redacted:X-API-Key#1>(\/x)?$/)
  })
})
