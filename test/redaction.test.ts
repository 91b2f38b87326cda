import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PROPERTIES } from '../properties/index.js'
import { tokenArbitrary } from '../src/value-arbitraries/token.js'
import { trialInputArbitrary } from '../src/arbitraries/trial-input.js'
import { SDK_CLIENTS } from '../src/clients/sdk-clients.js'
import { buildRecording } from '../src/recording/build-recording.js'
import { recordingTrial } from '../src/recording/recording-trial.js'
import { Redactor } from '../src/recording/redactor.js'
import { writeRecording } from '../src/recording/write-recording.js'
import { judgementReport } from '../src/report/judgement-report.js'
import { judgeTrial } from '../src/property/judge.js'
import { resolveScenario } from '../src/scenario/resolve-scenario.js'
import { runTrial } from '../src/runner/run-trial.js'
import { trialOf } from './helpers/trials.js'
import { fuzz } from '../src/runner/fuzz.js'
import { dropsHeaders } from '../properties/headers-always-sent/witnesses.js'
import { headersAlwaysSent } from '../properties/index.js'
import { counterexampleReport } from '../src/report/text-report.js'
import { tempDir } from './helpers/tmp.js'

const dir = tempDir()
let fileCount = 0

/** Writes the recording and the `check` report for it; returns every byte written. */
async function writeAll(recordingInput: Parameters<typeof buildRecording>[0]): Promise<string> {
  const { recording, redactor } = buildRecording(recordingInput)
  const file = join(dir, `r${++fileCount}.json`)
  await writeRecording(file, recording, redactor)
  const trial = recordingTrial(recording)
  return readFileSync(file, 'utf8') + judgementReport(trial, judgeTrial(trial, PROPERTIES))
}

const secretsArbitrary = fc.record({
  apiKey: tokenArbitrary(),
  bearer: tokenArbitrary(),
  custom: tokenArbitrary(),
  cookie: tokenArbitrary(),
  setCookie: tokenArbitrary(),
  queryKey: tokenArbitrary(),
  accessToken: tokenArbitrary(),
  refreshToken: tokenArbitrary(),
  idToken: tokenArbitrary(),
  clientSecret: tokenArbitrary(),
  code: tokenArbitrary(),
  codeVerifier: tokenArbitrary(),
  streamToken: tokenArbitrary(),
})

type Secrets = typeof secretsArbitrary extends fc.Arbitrary<infer T> ? T : never

const SAMPLE_SECRETS = fc.sample(secretsArbitrary, { numRuns: 1, seed: 1 })[0]!

/** How many times `part` occurs in `text`. */
function occurrences(text: string, part: string): number {
  return text.split(part).length - 1
}

/** The recording and judgement report written for a session that carries these secrets everywhere they travel. */
async function writtenFor(s: Secrets): Promise<string> {
  const config = {
    transport: 'streamable-http' as const,
    url: `http://mcp.test/mcp?api_key=${s.queryKey}`,
    headers: { 'x-API-key': s.apiKey, Authorization: `Bearer ${s.bearer}`, 'X-Tenant': s.custom },
  }
  const sent: Array<[string, string]> = [
    ['x-api-key', s.apiKey],
    ['authorization', `Bearer ${s.bearer}`],
    ['x-tenant', s.custom],
    ['cookie', `theme=dark; sid=${s.cookie}`],
  ]
  const trial = trialOf(config, [
    {
      method: 'POST',
      url: config.url,
      requestHeaders: sent,
      requestBody: '{"jsonrpc":"2.0","id":1,"method":"initialize"}',
      status: 401,
      responseHeaders: [['set-cookie', `sid=${s.setCookie}; Path=/; HttpOnly`]],
      responseBody: `{"detail":"bad key ${s.apiKey}"}`,
    },
    {
      method: 'POST',
      url: 'http://auth.test/token',
      requestHeaders: [['content-type', 'application/x-www-form-urlencoded']],
      requestBody: `grant_type=authorization_code&code=${s.code}&code_verifier=${s.codeVerifier}&client_secret=${s.clientSecret}`,
      responseBody: JSON.stringify({ access_token: s.accessToken, refresh_token: s.refreshToken, id_token: s.idToken }),
    },
    {
      method: 'GET',
      url: `http://mcp.test/cb?code=${s.code}&state=xyz`,
      status: 302,
      responseHeaders: [['location', `/done?token=${s.accessToken}`]],
    },
    {
      method: 'GET',
      url: config.url,
      requestHeaders: [['authorization', `Bearer ${s.accessToken}`]],
      events: [
        {
          event: 'message',
          data: JSON.stringify({ jsonrpc: '2.0', method: 'x', params: { token: s.streamToken } }),
          atMs: 1,
        },
      ],
    },
  ])
  return writeAll({ config, exchanges: trial.exchanges, client: 'test', source: 'record' })
}

describe('redaction: no secret ever reaches a written file', () => {
  it('secrets in configured headers, Authorization, cookies, query strings, OAuth bodies and SSE events', async () => {
    await fc.assert(
      fc.asyncProperty(secretsArbitrary, async (s) => {
        const written = await writtenFor(s)
        // The same session with markers for secrets: a value fast-check picks on purpose, such as
        // "property", may be a word of the file's own text, which is no leak.
        const markers = Object.fromEntries(Object.keys(s).map((name, i) => [name, `zqx${i}marker`])) as Secrets
        const skeleton = await writtenFor(markers)
        for (const [name, secret] of Object.entries(s))
          expect(occurrences(written, secret), `${name} leaked`).toBeLessThanOrEqual(occurrences(skeleton, secret))
        expect(written).toContain('<redacted:x-API-key#1>')
      }),
      // A refresh token fast-check once drew as "property" (a word of the report's text): kept as an example.
      { numRuns: 60, examples: [[{ ...SAMPLE_SECRETS, refreshToken: 'property' }]] },
    )
  })

  it('secrets in every encoding they travel in: percent-encoded queries and form bodies, JSON-escaped, camelCase fields', async () => {
    // Real secrets hold base64's + / = (Google refresh tokens start 1//0g…), spaces and quotes.
    const secretArbitrary = fc
      .tuple(tokenArbitrary(), fc.constantFrom('+', '/', '=', ' ', '%', '&', '"', '\\'), tokenArbitrary())
      .map(([a, special, b]) => `${a}${special}${b}`)
    await fc.assert(
      fc.asyncProperty(
        fc.record({ query: secretArbitrary, form: secretArbitrary, refresh: secretArbitrary, camel: secretArbitrary }),
        async (s) => {
          const config = { transport: 'streamable-http' as const, url: 'http://mcp.test/mcp', headers: {} }
          const trial = trialOf(config, [
            { method: 'GET', url: `http://mcp.test/mcp?${new URLSearchParams({ token: s.query })}` },
            {
              method: 'POST',
              url: `http://auth.test/token?x=1&refresh_token=${encodeURIComponent(s.refresh)}`,
              requestHeaders: [['content-type', 'application/x-www-form-urlencoded']],
              requestBody: new URLSearchParams({
                grant_type: 'refresh_token',
                refresh_token: s.refresh,
                client_secret: s.form,
              }).toString(),
              responseBody: JSON.stringify({ accessToken: s.camel, note: `refreshed ${s.refresh}` }),
            },
          ])
          const written = await writeAll({ config, exchanges: trial.exchanges, client: 'test', source: 'record' })
          for (const [name, secret] of Object.entries(s)) {
            const forms = [
              secret,
              encodeURIComponent(secret),
              new URLSearchParams({ s: secret }).toString().slice(2),
              JSON.stringify(secret).slice(1, -1),
            ]
            for (const form of forms) expect(written.includes(form), `${name} leaked as ${form}`).toBe(false)
          }
        },
      ),
      { numRuns: 60 },
    )
  })

  it('secrets from fuzzed configs in real SDK sessions against the mock server', async () => {
    const client = SDK_CLIENTS[0]!
    await fc.assert(
      fc.asyncProperty(trialInputArbitrary(client.transports), async ({ config, plan }) => {
        const trial = await runTrial(client, config, resolveScenario(config, plan), { timeoutMs: 5000 })
        const written = await writeAll({ config, exchanges: trial.exchanges, client: client.name, source: 'record' })
        for (const value of Object.values(config.headers)) {
          const secret = value.replace(/^Bearer /, '')
          expect(written.includes(secret)).toBe(false)
        }
      }),
      { numRuns: 60 },
    )
  })

  it('secrets in a fuzz counterexample report (what CI logs keep)', async () => {
    const [result] = await fuzz({ clients: [dropsHeaders], properties: [headersAlwaysSent], runs: 50, seed: 8, timeoutMs: 5000 })
    const report = counterexampleReport(result!)
    const values = Object.values(result!.counterexample!.trial.config.headers)
    expect(values.length).toBeGreaterThan(0)
    for (const value of values) expect(report).not.toContain(value.replace(/^Bearer /, ''))
    expect(report).toMatch(/"headers":\{"[^"]+":"(Bearer )?<redacted:/)
  })

  // Failed before: values under 4 characters were never secrets ("0 secret value(s) redacted").
  it('configured values shorter than 4 characters, as whole tokens only', async () => {
    const config = {
      transport: 'streamable-http' as const,
      url: 'http://mcp.test/mcp',
      headers: { 'X-API-Key': 'Q7z', Authorization: 'Bearer k9X', 'X-Flag': 'x' },
    }
    const trial = trialOf(config, [
      {
        method: 'POST',
        url: 'http://mcp.test/mcp?key=Q7z',
        requestHeaders: [
          ['x-api-key', 'Q7z'],
          ['authorization', 'Bearer k9X'],
          ['x-flag', 'x'],
        ],
        requestBody: '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"note":"Q7z"}}',
        status: 401,
        responseBody: '{"detail":"x-api-key Q7zz is not k9Xa"}',
      },
    ])
    const written = await writeAll({ config, exchanges: trial.exchanges, client: 'test', source: 'record' })
    expect(written).not.toMatch(/(?<![\w.~-])(Q7z|k9X)(?![\w.~-])/)
    expect(written).toContain('"x-api-key": "<redacted:X-API-Key#1>"')
    expect(written).toContain('key=<redacted:X-API-Key#1>')
    expect(written).toContain('"x-flag": "<redacted:X-Flag#1>"')
    // Only whole tokens: unrelated text that merely contains them stays readable.
    expect(written).toContain('x-api-key Q7zz is not k9Xa')
  })

  // Failed before: the Basic credential was redacted, but the password inside it was not known as
  // a secret, so the same password sent decoded (a form body's client_secret) stayed in the file.
  it('a Basic credential and the password inside it', async () => {
    const password = 'p@ss+W0RD/basic'
    const credential = btoa(`client-1:${encodeURIComponent(password)}`)
    const config = { transport: 'streamable-http' as const, url: 'http://mcp.test/mcp', headers: {} }
    const trial = trialOf(config, [
      {
        method: 'POST',
        url: 'http://auth.test/token',
        requestHeaders: [
          ['authorization', `Basic ${credential}`],
          ['content-type', 'application/json'],
        ],
        requestBody: JSON.stringify({ note: `retry with ${password}` }),
      },
    ])
    const written = await writeAll({ config, exchanges: trial.exchanges, client: 'test', source: 'record' })
    for (const form of [credential, password, encodeURIComponent(password)]) expect(written).not.toContain(form)
  })

  it('equal secrets get equal placeholders; --redact patterns add their own', () => {
    const redactor = new Redactor([/acct-\d{6}/])
    redactor.add('s3cr3t-value', 'X-API-Key')
    expect(redactor.apply('a=s3cr3t-value b=s3cr3t-value account acct-123456')).toBe(
      'a=<redacted:X-API-Key#1> b=<redacted:X-API-Key#1> account <redacted:pattern#1>',
    )
  })

  // Issue 36 §2, §6 (reliability-2026-12-07 findings 4 and 11): each failed before its fix.
  it('a form body whose Content-Type is not lower-case is a form: its client_secret is redacted', async () => {
    const secret = 'cnU61fb2695ae*~x'
    const config = { transport: 'streamable-http' as const, url: 'http://mcp.test/mcp', headers: {} }
    const trial = trialOf(config, [
      {
        method: 'POST',
        url: 'http://auth.test/token',
        requestHeaders: [['Content-Type', 'Application/X-WWW-Form-Urlencoded']],
        requestBody: new URLSearchParams({ grant_type: 'client_credentials', client_secret: secret }).toString(),
      },
    ])
    const written = await writeAll({ config, exchanges: trial.exchanges, client: 'test', source: 'record' })
    expect(written).not.toContain(encodeURIComponent(secret))
    expect(written).not.toContain('cnU61fb2695ae')
  })

  it("the harness's own x-mcp-auth-harness header is not a secret: its value stays readable elsewhere", async () => {
    const config = { transport: 'streamable-http' as const, url: 'http://mcp.test/mcp', headers: {} }
    const trial = trialOf(config, [
      {
        method: 'POST',
        url: 'http://mcp.test/mcp',
        status: 500,
        responseHeaders: [['x-mcp-auth-harness', 'unmatched']],
        responseBody: 'unmatched request',
      },
    ])
    const written = await writeAll({ config, exchanges: trial.exchanges, client: 'test', source: 'record' })
    expect(written).toContain('unmatched request')
    expect(written).not.toContain('<redacted:x-mcp-auth-harness')
  })

  it('a multipart/form-data body: a client_secret field is redacted', async () => {
    const secret = 'cnMp7e1f0c2d9a8b'
    const config = { transport: 'streamable-http' as const, url: 'http://mcp.test/mcp', headers: {} }
    const body = [
      '--XyZ',
      'Content-Disposition: form-data; name="grant_type"',
      '',
      'client_credentials',
      '--XyZ',
      'Content-Disposition: form-data; name="client_secret"',
      '',
      secret,
      '--XyZ--',
      '',
    ].join('\r\n')
    const trial = trialOf(config, [
      {
        method: 'POST',
        url: 'http://auth.test/token',
        requestHeaders: [['Content-Type', 'multipart/form-data; boundary=XyZ']],
        requestBody: body,
      },
    ])
    const written = await writeAll({ config, exchanges: trial.exchanges, client: 'test', source: 'record' })
    expect(written).not.toContain(secret)
    expect(written).toContain('client_credentials')
  })
})
