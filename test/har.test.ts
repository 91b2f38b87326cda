import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROPERTIES } from '../properties/index.js'
import { exportHar } from '../src/har/export-har.js'
import { harExchanges, parseHar } from '../src/har/import-har.js'
import { decodeExchange } from '../src/recording/exchange-codec.js'
import { loadRecording } from '../src/recording/load-recording.js'
import { recordingTrial } from '../src/recording/recording-trial.js'
import { judgeTrial } from '../src/property/judge.js'
import { cli } from './helpers/cli.js'
import { tempDir } from './helpers/tmp.js'

const dir = tempDir()
const CORPUS = [
  'claude-code-7290-http.json',
  'vscode-246207-sse-posts-without-headers.json',
  'gemini-cli-25473-get-stream-without-headers.json',
]

/** A capture as Chrome devtools writes it: HTTP/2 pseudo-headers, base64 content, an SSE body as text. */
function chromeHar(token: string) {
  const entry = (started: string, method: string, url: string, status: number, extra: Record<string, unknown> = {}) => ({
    startedDateTime: started,
    time: 12,
    request: {
      method,
      url,
      httpVersion: 'h2',
      headers: [
        { name: ':authority', value: 'mcp.example.test' },
        { name: 'Authorization', value: `Bearer ${token}` },
        { name: 'Accept', value: 'application/json, text/event-stream' },
      ],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: 0,
      ...(extra.postData ? { postData: extra.postData } : {}),
    },
    response: {
      status,
      statusText: '',
      httpVersion: 'h2',
      headers: [{ name: 'content-type', value: (extra.mimeType as string) ?? 'application/json' }],
      cookies: [],
      content: extra.content ?? { size: 0, mimeType: 'application/json', text: '' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
      _transferSize: 100,
    },
    cache: {},
    timings: { blocked: 1, send: 1, wait: 10, receive: 1 },
    _initiator: { type: 'script' },
  })
  const initialize = JSON.stringify({
    jsonrpc: '2.0',
    id: 0,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'web', version: '1' } },
  })
  return {
    log: {
      version: '1.2',
      creator: { name: 'WebInspector', version: '537.36' },
      pages: [],
      entries: [
        entry('2026-11-26T10:00:00.000Z', 'GET', 'https://mcp.example.test/.well-known/oauth-protected-resource/mcp', 404, {
          content: { size: 22, mimeType: 'application/json', text: btoa('{"detail":"Not Found"}'), encoding: 'base64' },
        }),
        entry('2026-11-26T10:00:00.100Z', 'POST', 'https://mcp.example.test/mcp', 200, {
          postData: { mimeType: 'application/json', text: initialize },
          mimeType: 'text/event-stream',
          content: {
            size: 80,
            mimeType: 'text/event-stream',
            text: 'event: message\ndata: {"jsonrpc":"2.0","id":0,"result":{}}\n\n',
          },
        }),
      ],
    },
  }
}

describe('HAR 1.2', () => {
  for (const file of CORPUS) {
    it(`${file}: export gives valid HAR 1.2 that imports back to the same exchanges and verdicts`, async () => {
      const recording = await loadRecording(`recordings/${file}`)
      const har = exportHar(recording)
      expect(har.log.version).toBe('1.2')
      const reparsed = parseHar(JSON.parse(JSON.stringify(har)), 'exported.har')
      expect(harExchanges(reparsed.log.entries)).toEqual(recording.exchanges.map(decodeExchange))

      const harFile = join(dir, `${file}.har`)
      const out = join(dir, `${file}.from-har.json`)
      expect((await cli('export', `recordings/${file}`, '--har', harFile)).code).toBe(0)
      const imported = await cli(
        'import-har',
        harFile,
        '--out',
        out,
        '--header',
        `X-API-Key: ${recording.config.headers['X-API-Key']}`,
      )
      expect(imported.stderr).toBe('')
      expect(imported.code).toBe(0)
      const back = await loadRecording(out)
      expect(back.config.url).toBe(
        recording.config.url === 'http://localhost:8001' ? 'http://localhost:8001/' : recording.config.url,
      )
      const verdicts = (r: typeof recording) => judgeTrial(recordingTrial(r), PROPERTIES).map((j) => j.verdict)
      expect(verdicts(back)).toEqual(verdicts(recording))
    })
  }

  it('imports a Chrome capture: pseudo-headers dropped, base64 decoded, SSE parsed, the token redacted, the bug found', async () => {
    const token = 'eyJhbGciOi.chrome-capture-token-0123456789'
    const harFile = join(dir, 'chrome.har')
    writeFileSync(harFile, JSON.stringify(chromeHar(token)))
    const out = join(dir, 'chrome.json')
    const { code, stdout } = await cli('import-har', harFile, '--out', out)
    expect(code).toBe(0)
    expect(stdout).toContain('imported 2 entries')
    expect(readFileSync(out, 'utf8')).not.toContain(token)
    const recording = await loadRecording(out)
    expect(recording.config).toMatchObject({ url: 'https://mcp.example.test/mcp', transport: 'streamable-http' })
    expect(recording.exchanges[0]!.request.headers).not.toHaveProperty(':authority')
    expect(recording.exchanges[0]!.request.headers.authorization).toBe('Bearer <redacted:Authorization#1>')
    expect(recording.exchanges[0]!.response!.json).toEqual({ detail: 'Not Found' })
    expect(recording.exchanges[1]!.response!.events![0]!.data).toBe('{"jsonrpc":"2.0","id":0,"result":{}}')
    const checked = await cli('check', out)
    expect(checked.code).toBe(1)
    expect(checked.stdout).toContain(
      'request #1 GET https://mcp.example.test/.well-known/oauth-protected-resource/mcp is OAuth discovery',
    )
  })

  it('a malformed HAR or one without an MCP session is an input error (exit 2) naming file and path', async () => {
    const broken = chromeHar('x')
    delete (broken.log.entries[1]!.request as Record<string, unknown>).url
    const harFile = join(dir, 'broken.har')
    writeFileSync(harFile, JSON.stringify(broken))
    const bad = await cli('import-har', harFile, '--out', join(dir, 'nope.json'))
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain(`${harFile}: $.log.entries[1].request.url:`)

    const noMcp = chromeHar('x')
    noMcp.log.entries.pop()
    writeFileSync(harFile, JSON.stringify(noMcp))
    const unknown = await cli('import-har', harFile, '--out', join(dir, 'nope.json'))
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('name the MCP server URL with --url')
  })
})
