import { spawnSync } from 'node:child_process'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { Redactor } from '../src/recording/redactor.js'
import { SecretScanner } from '../src/recording/secret-scanner.js'
import { CLI, run, spawnUntil } from './helpers/cli.js'
import { tempDir } from './helpers/tmp.js'

// Issue 22 §2: secrets are matched by normalising, and that is checked against the real encoders of
// the languages the harness drives, run through the toolchains on this machine (not imitated in JS).
const ENCODERS = fileURLToPath(new URL('./fixtures/encoders/', import.meta.url))
const dir = tempDir()

const ENCODER_COMMANDS: ReadonlyArray<[string, string[]]> = [
  ['python3', [join(ENCODERS, 'encode.py')]],
  ['go', ['run', join(ENCODERS, 'encode.go')]],
  ['java', [join(ENCODERS, 'Encode.java')]],
  ['perl', [join(ENCODERS, 'encode.pl')]],
]

/** Every real encoder's spelling of each secret: [encoder name, secret, encoded text]. */
function encodeEverywhere(secrets: readonly string[]): Array<[string, string, string]> {
  const input = secrets.map((secret) => Buffer.from(secret, 'utf8').toString('base64')).join('\n') + '\n'
  const out: Array<[string, string, string]> = []
  for (const [command, args] of ENCODER_COMMANDS) {
    const ran = spawnSync(command, args, {
      input,
      encoding: 'utf8',
      env: { ...process.env, GOFLAGS: '-mod=mod' },
      timeout: 120_000,
    })
    if (ran.status !== 0)
      throw new Error(`${command} ${args.join(' ')} failed (is the toolchain installed?): ${ran.stderr}${ran.error ?? ''}`)
    const lines = ran.stdout.trim().split('\n')
    expect(lines.length % secrets.length, `${command} printed a line per encoder per secret`).toBe(0)
    const perSecret = lines.length / secrets.length
    lines.forEach((line, index) => {
      const [name, encoded] = line.split('\t')
      out.push([name!, secrets[Math.floor(index / perSecret)]!, Buffer.from(encoded!, 'base64').toString('utf8')])
    })
  }
  return out
}

// Token characters and the ones encoders disagree on: `*`, `~`, space, `+`, `/`, `&`, `<`, quotes, non-ASCII.
const SECRET_UNITS = [...'ABCxyz019-._', '*', '~', ' ', '+', '/', '&', '<', '>', '=', '"', "'", 'é', 'ü', '😀', '%', '\\']
const secretArbitrary = fc
  .array(fc.constantFrom(...SECRET_UNITS), { minLength: 8, maxLength: 24 })
  .map((units) => `Q${units.join('')}Z`)
  // A secret that is all spaces and pluses is not one a redactor could tell from text.
  .filter((secret) => /[A-Za-z0-9]{2}/.test(secret))

describe('redaction matches every encoder by decoding, not by listing encoders', () => {
  // The report's canaries first (each leaked before this change), then fast-check's draws.
  const examples = ['QJV-py*k5~x', 'QJV*proxsec~p4 pass', 'QJVsse/tok/u2-long', 'a*b c/d~e+&<>éü😀']
  const secrets = [...examples, ...fc.sample(secretArbitrary, { numRuns: 40, seed: 22 })]
  const encoded = encodeEverywhere(secrets)

  it('each spelling is redacted from the text it stands in, raw and inside a JSON string, and seen as a leak before', () => {
    expect(new Set(encoded.map(([name]) => name)).size).toBeGreaterThanOrEqual(10)
    for (const [name, secret, text] of encoded) {
      const redactor = new Redactor()
      redactor.add(secret, 'client_secret')
      for (const carrier of [
        `POST /token\n${text}\n`,
        JSON.stringify({ body: text }),
        JSON.stringify(JSON.stringify({ body: text })),
      ]) {
        const why = `${name}: ${JSON.stringify(secret)} in ${carrier}`
        expect(redactor.leaksIn(carrier), why).toBe(true)
        expect(new SecretScanner([redactor]).redactorsIn(carrier).size, why).toBe(1)
        const redacted = redactor.apply(carrier)
        expect(redacted, why).toContain('<redacted:client_secret#1>')
        expect(redactor.leaksIn(redacted), `${why} → ${redacted}`).toBe(false)
        expect(new SecretScanner([redactor]).redactorsIn(redacted).size, why).toBe(0)
      }
    }
  })

  it('text with escapes but no secret is left as it is', () => {
    const redactor = new Redactor()
    redactor.add('QJV*proxsec~p4 pass', 'client_secret')
    const text = 'a=1&b=%2A+x \\/ &amp; \\u00e9 QJV*proxsec~p4'
    expect(redactor.apply(text)).toBe(text)
    expect(redactor.leaksIn(text)).toBe(false)
  })
})

describe('a real Python client through record --proxy', () => {
  const upstream = createServer((request, response) => {
    request.resume()
    response.writeHead(200, { 'content-type': 'application/json' })
    // PHP-style: "/" written "\/" in the token the server hands out.
    response.end('{"access_token":"QJVsse\\/tok\\/u2-long","token_type":"Bearer"}')
  })
  afterAll(() => upstream.close())

  it('Python-encoded client_secret (%2A, ~, +) and a \\/-escaped access token reach no byte of the recording', async () => {
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
    const out = join(dir, 'python.json')
    const proxy = spawnUntil(
      process.execPath,
      [
        CLI,
        'record',
        '--proxy',
        '--upstream',
        `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/mcp`,
        '--port',
        '0',
        '--out',
        out,
        '--duration',
        '20',
      ],
      /point the client at (\S+)/,
    )
    const url = await proxy.ready
    // Not spawnSync: the upstream answers from this process's event loop.
    const python = await run(
      'python3',
      [
        '-c',
        'import sys,urllib.parse,urllib.request as r; print(r.urlopen(sys.argv[1].replace("/mcp","/token"), urllib.parse.urlencode({"grant_type":"client_credentials","client_secret":"QJV*proxsec~p4 pass"}).encode()).read().decode())',
        url,
      ],
      30_000,
    )
    expect(python.code, python.stderr).toBe(0)
    proxy.child.kill('SIGINT')
    await proxy.exited
    const written = readFileSync(out, 'utf8')
    expect(written).toContain('client_secret=<redacted:client_secret#1>')
    expect(written).toContain('"access_token": "<redacted:access_token#1>"')
    for (const form of ['QJV%2Aproxsec', 'proxsec~p4', 'QJVsse', 'tok\\\\/u2']) expect(written).not.toContain(form)
  })
})
