import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { gzipSync } from 'node:zlib'
import { generate as selfSigned } from 'selfsigned'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { proxyEnvironment, startForwardProxy, type ForwardProxy } from '../src/record/forward-proxy.js'
import { loadRecording } from '../src/recording/load-recording.js'
import { serveOAuthScenario, type ServeTarget } from '../src/serve/serve-targets.js'
import { TrafficLog } from '../src/traffic/traffic-log.js'
import { cli } from './helpers/cli.js'
import { tempDir } from './helpers/tmp.js'

const dir = tempDir()
const caDir = join(dir, 'ca')

/** Runs a fetch script in a fresh Node process with the proxy in its environment, as a client would be. */
async function fetchThrough(proxy: ForwardProxy, script: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, ...proxyEnvironment(proxy) },
    timeout: 20_000,
  })
  return stdout
}

describe('record --forward-proxy: HTTPS intercepted with the local CA, every origin in one log', () => {
  let upstream: Server
  let origin: string
  let proxy: ForwardProxy

  beforeAll(async () => {
    // An upstream with its own self-signed certificate, which only the proxy is told to trust.
    const leaf = await selfSigned([{ name: 'commonName', value: 'localhost' }], {
      keySize: 2048,
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }] }],
    })
    upstream = createServer({ key: leaf.private, cert: leaf.cert }, (request, response) => {
      if (request.url === '/sse') {
        response.writeHead(200, { 'content-type': 'text/event-stream' })
        // One event whose CRLF line ends fall across writes.
        response.write('event: message\r')
        response.write('\nid: 7\r\ndata: {"jsonrpc":"2.0","id":1,"result":{}}\r')
        response.end('\n\r\n')
      } else if (request.url === '/gzip') {
        response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' })
        response.end(gzipSync('{"compressed":true}'))
      } else if (request.url === '/cookies') {
        response.writeHead(200, [
          ['set-cookie', 'a=ONE-cookie-value'],
          ['set-cookie', 'b=TWO-cookie-value'],
          ['content-type', 'text/plain'],
        ])
        response.end('ok')
      } else if (request.url === '/cut') {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' })
        response.write('{"partial":')
        setTimeout(() => response.socket?.destroy(), 50)
      } else {
        response.writeHead(200, { 'content-type': 'text/plain' })
        response.end(`secure ${request.method} ${request.url}`)
      }
    })
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
    origin = `https://localhost:${(upstream.address() as AddressInfo).port}`
    proxy = await startForwardProxy({ port: 0, caDir, upstreamCas: [leaf.cert] })
  })
  afterAll(async () => {
    await proxy.close()
    upstream.close()
  })

  it('a client trusting the printed CA talks HTTPS through it, and every exchange is recorded as sent', async () => {
    const before = proxy.log.exchanges.length
    const out = await fetchThrough(
      proxy,
      `const a = await fetch('${origin}/hello', { headers: { 'X-API-Key': 'k-123456' } }); console.log(await a.text())
       const b = await fetch('${origin}/sse', { method: 'POST', body: '{}' }); console.log((await b.text()).length)
       const c = await fetch('${origin}/gzip'); console.log(await c.text())
       const d = await fetch('${origin}/cookies'); console.log(d.headers.getSetCookie().length)`,
    )
    expect(out).toContain('secure GET /hello')
    expect(out).toContain('{"compressed":true}')
    expect(out.trim().split('\n').at(-1)).toBe('2')
    await proxy.log.settle(1000)
    const [hello, sse, gzip, cookies] = proxy.log.exchanges.slice(before)
    expect(hello!.url).toBe(`${origin}/hello`)
    expect(hello!.requestHeaders).toContainEqual(['x-api-key', 'k-123456'])
    expect(hello!.requestHeaders.map(([name]) => name)).not.toContain('host')
    expect(hello!.responseBody).toBe('secure GET /hello')
    expect(sse!.requestBody).toBe('{}')
    expect(sse!.events).toEqual([
      { event: 'message', id: '7', data: '{"jsonrpc":"2.0","id":1,"result":{}}', atMs: expect.any(Number) },
    ])
    expect(gzip!.responseBody).toBe('{"compressed":true}')
    expect(cookies!.responseHeaders!.filter(([name]) => name === 'set-cookie')).toHaveLength(2)
    expect(proxy.ca.certPath).toBe(join(caDir, 'mcp-auth-harness-ca.pem'))
  })

  it('an upstream that cuts a body mid-way is recorded as cut, with what arrived; the proxy goes on', async () => {
    const before = proxy.log.exchanges.length
    await fetchThrough(proxy, `try { await (await fetch('${origin}/cut')).text() } catch { console.log('cut') }`)
    await fetchThrough(proxy, `console.log(await (await fetch('${origin}/after')).text())`)
    await proxy.log.settle(1000)
    const [cut, after] = proxy.log.exchanges.slice(before)
    expect(cut!.status).toBe(200)
    expect(cut!.responseBody).toBe('{"partial":')
    expect(cut!.error).toMatch(/cut off after 11 bytes/)
    expect(after!.responseBody).toBe('secure GET /after')
  })
})

describe('record --forward-proxy --client cmd:…: a real SDK client completes OAuth through it', () => {
  let target: ServeTarget
  const log = new TrafficLog(Infinity)
  beforeAll(async () => {
    target = await serveOAuthScenario({ host: '127.0.0.1', port: 0 }, log, {
      transport: 'streamable-http',
      path: '/mcp',
      headers: {},
    })
  })
  afterAll(() => target.close())

  it('one recording holds the MCP server and the authorization server; check and a per-origin replay find nothing false', async () => {
    const out = join(dir, 'oauth.json')
    const client = 'cmd:node dist/bench/builtin-client-command.js sdk-streamable'
    const recorded = await cli(
      'record',
      '--client',
      client,
      '--url',
      target.config.url,
      '--port',
      '0',
      '--ca-dir',
      caDir,
      '--out',
      out,
    )
    expect(recorded.stderr).toBe('')
    expect(recorded.code, recorded.stdout).toBe(0)
    expect(recorded.stdout).toMatch(/through the forward proxy, session completed/)

    const recording = await loadRecording(out)
    expect(recording.metadata.source).toBe('forward-proxy')
    const origins = new Set(recording.exchanges.map((e) => new URL(e.request.url).origin))
    expect(origins).toEqual(new Set(target.ports.map((port) => port.origin)))
    const paths = recording.exchanges.map((e) => `${e.request.method} ${new URL(e.request.url).pathname}`)
    expect(paths).toEqual(expect.arrayContaining(['POST /register', 'GET /authorize', 'POST /token', 'POST /mcp']))
    // The token, code and client secret the servers issued never reach the file.
    expect(readFileSync(out, 'utf8')).not.toMatch(/"access_token":\s*"(?!<redacted)/)

    const checked = await cli('check', out)
    expect(checked.code, checked.stdout).toBe(0)
    for (const id of ['resource-metadata-honored', 'resource-parameter', 'pkce-s256', 'no-header-leak'])
      expect(checked.stdout).toMatch(new RegExp(`${id}\\s+held`))

    const replayed = await cli('replay', out, '--client', client)
    expect(replayed.code, replayed.stdout + replayed.stderr).toBe(0)
    expect(replayed.stdout).toMatch(/\d+ requests, 0 unmatched, completed/)
  })

  it('record also takes a module: client (it runs in this process: every origin is seen without a proxy)', async () => {
    const out = join(dir, 'module.json')
    const result = await cli('record', '--client', 'module:test/fixtures/my-adapter.ts', '--url', target.config.url, '--out', out)
    expect(result.stdout).toMatch(/recorded \d+ exchanges \(module:test\/fixtures\/my-adapter\.ts, client error/)
    const recording = await loadRecording(out)
    // Kept as a path: `replay FILE` can load the client again.
    expect(recording.metadata.client).toBe('module:test/fixtures/my-adapter.ts')
    expect(recording.exchanges[0]!.response!.status).toBe(401)
  })

  it('a client that never uses the proxy is a clear error, not an empty recording', async () => {
    const out = join(dir, 'none.json')
    const result = await cli(
      'record',
      '--client',
      'cmd:node -e 0',
      '--url',
      target.config.url,
      '--port',
      '0',
      '--ca-dir',
      caDir,
      '--out',
      out,
    )
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/no request went through the proxy/)
  })
})
