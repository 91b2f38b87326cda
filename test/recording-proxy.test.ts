import { createServer as createHttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROPERTIES } from '../properties/index.js'
import { clientByName } from '../src/resolve/known-clients.js'
import { startRecordingProxy } from '../src/record/recording-proxy.js'
import { buildRecording } from '../src/recording/build-recording.js'
import { decodeExchange } from '../src/recording/exchange-codec.js'
import { loadRecording } from '../src/recording/load-recording.js'
import { parseRecording } from '../src/recording/parse-recording.js'
import { serveFetch } from '../src/runtime/http-server.js'
import { baseInput, withValues } from '../src/dimensions/base-input.js'
import { DIMENSIONS } from '../src/dimensions/dimensions.js'
import { recordingTrial } from '../src/recording/recording-trial.js'
import { runLoggedSession } from '../src/runner/run-trial.js'
import { resolveScenario } from '../src/scenario/resolve-scenario.js'
import { createScenarioServer } from '../src/scenario/scenario-server.js'
import { startPortServer } from '../src/network/port-server.js'
import { TrafficLog } from '../src/traffic/traffic-log.js'
import { createReplayServer } from '../src/replay/replay-server.js'
import { judgeTrial } from '../src/property/judge.js'
import { runSession } from '../src/runner/run-trial.js'
import { CLI, run, spawnUntil } from './helpers/cli.js'
import { startSdkServer, type RunningSdkServer } from './helpers/sdk-server.js'
import { tempDir } from './helpers/tmp.js'

const EXTERNAL_CLIENT = fileURLToPath(new URL('./fixtures/sdk-client.mjs', import.meta.url))
const dir = tempDir()
let server: RunningSdkServer
beforeAll(async () => {
  server = await startSdkServer()
})
afterAll(() => server.close())

/** Starts `record --proxy` as its own process; `ready` is the URL it tells the client to use. */
function startProxy(upstream: string, out: string) {
  const args = [
    CLI,
    'record',
    '--proxy',
    '--upstream',
    upstream,
    '--port',
    '0',
    '--out',
    out,
    '--header',
    `X-API-Key: ${server.apiKey}`,
  ]
  return spawnUntil(process.execPath, args, /point the client at (\S+)/)
}

describe('record --proxy: a client in another process, recorded through a real local reverse proxy', () => {
  for (const [transport, path, clientName] of [
    ['streamable-http', '/mcp', 'sdk-streamable'],
    ['sse', '/sse', 'sdk-sse'],
  ] as const) {
    it(`${transport}: records the session, replays to the SDK client with zero unmatched requests`, async () => {
      const out = join(dir, `proxy-${transport}.json`)
      const proxy = startProxy(`${server.origin}${path}`, out)
      const url = await proxy.ready
      expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+${path}$`))
      const client = await run(process.execPath, [EXTERNAL_CLIENT, url, transport, `X-API-Key: ${server.apiKey}`])
      expect(client.stdout + client.stderr).toContain('ok: 1 tool(s)')
      proxy.child.kill('SIGINT')
      expect(await proxy.exited).toBe(0)
      expect(proxy.output()).toMatch(/recorded \d+ exchanges \(through the recording proxy\)/)

      const recording = await loadRecording(out)
      expect(recording.metadata.source).toBe('proxy')
      expect(recording.exchanges[0]!.request.url.startsWith(server.origin)).toBe(true)
      expect(JSON.stringify(recording)).not.toContain(server.apiKey)
      const replay = createReplayServer(recording, { speed: 0, unmatched: 'error' })
      const replayed = await runSession(clientByName(clientName), recording.config, replay, { timeoutMs: 5000 })
      expect(replay.mismatches, JSON.stringify(replay.mismatches)).toEqual([])
      expect(replayed.outcome).toEqual({ kind: 'completed' })
      for (const judgement of judgeTrial(replayed, PROPERTIES))
        expect(judgement.verdict, judgement.property.id).not.toBe('violated')
    })
  }
})

describe('record --proxy keeps what the upstream sent', () => {
  // Failed before: the proxy `set` each header (the last cookie won) and the recording stored
  // headers as one string per name.
  it('every Set-Cookie reaches the client, the recording (redacted) and the replay', async () => {
    const upstream = await serveFetch(
      async () =>
        new Response('{}', {
          headers: [
            ['content-type', 'application/json'],
            ['set-cookie', 'first=COOKIE1-abcdef; Path=/'],
            ['set-cookie', 'second=COOKIE2-ghijkl; Path=/; HttpOnly'],
          ],
        }),
      { host: '127.0.0.1', port: 0 },
    )
    const proxy = await startRecordingProxy(`${upstream.origin}/mcp`, { host: '127.0.0.1', port: 0 })
    try {
      const seen = await fetch(proxy.clientUrl, { method: 'POST', body: '{}' })
      expect(seen.headers.getSetCookie()).toEqual(['first=COOKIE1-abcdef; Path=/', 'second=COOKIE2-ghijkl; Path=/; HttpOnly'])
      await seen.text()
      await proxy.log.settle(1000)
      const config = { transport: 'streamable-http' as const, url: `${upstream.origin}/mcp`, headers: {} }
      const { recording, redactor } = buildRecording({ config, exchanges: proxy.log.exchanges, client: 'x', source: 'proxy' })
      const stored = redactor.applyDeep(recording)
      const cookies = stored.exchanges[0]!.response!.headers['set-cookie']
      expect(cookies).toHaveLength(2)
      expect(JSON.stringify(stored)).not.toMatch(/COOKIE1|COOKIE2/)
      expect(parseRecording(JSON.parse(JSON.stringify(stored)), 'x.json').exchanges[0]!.response!.headers['set-cookie']).toEqual(
        cookies,
      )
      const replayed = decodeExchange(stored.exchanges[0]!).responseHeaders!.filter(([name]) => name === 'set-cookie')
      expect(replayed).toHaveLength(2)
    } finally {
      await proxy.close()
      await upstream.close()
    }
  })
})

describe('record --proxy when the upstream misbehaves', () => {
  it('a body cut mid-way is recorded as cut, with what arrived, and the proxy goes on serving', async () => {
    const upstream = createHttpServer((request, response) => {
      if (request.url === '/cut') {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' })
        response.write('{"partial":')
        setTimeout(() => response.socket?.destroy(), 50)
      } else response.end('fine')
    })
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
    const origin = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`
    const proxy = await startRecordingProxy(`${origin}/mcp`, { host: '127.0.0.1', port: 0 })
    try {
      await fetch(`${new URL(proxy.clientUrl).origin}/cut`)
        .then((r) => r.text())
        .catch(() => 'cut')
      expect(await (await fetch(`${new URL(proxy.clientUrl).origin}/after`)).text()).toBe('fine')
      await proxy.log.settle(1000)
      const [cut, after] = proxy.log.exchanges
      expect(cut!.status).toBe(200)
      expect(cut!.responseBody).toBe('{"partial":')
      expect(cut!.error).toMatch(/cut off after 11 bytes/)
      expect(after!.responseBody).toBe('fine')
    } finally {
      await proxy.close()
      upstream.close()
    }
  })
})

describe('record --proxy rewrites the upstream’s own URLs, so OAuth completes through it', () => {
  // Failed before: the PRM named the upstream as `resource`, the SDK rejected it as not the URL it
  // was given, and check blamed resource-metadata-honored / resource-parameter on such recordings.
  it('a real SDK client completes OAuth through the reverse proxy, and check finds nothing false', async () => {
    const port = await startPortServer({ host: '127.0.0.1', port: 0 })
    const config = { transport: 'streamable-http' as const, url: `${port.origin}/mcp`, headers: {} }
    const { plan } = withValues(baseInput(DIMENSIONS), DIMENSIONS, { auth: 'oauth', 'oauth.asOrigin': 'same' })
    const server = createScenarioServer(resolveScenario(config, plan))
    port.use(server.handlers, new TrafficLog(Infinity))
    const proxy = await startRecordingProxy(config.url, { host: '127.0.0.1', port: 0 })
    try {
      const seen = new TrafficLog(Infinity)
      const client = await runLoggedSession(clientByName('sdk-streamable'), { ...config, url: proxy.clientUrl }, seen, {
        timeoutMs: 10_000,
      })
      expect(client.outcome).toEqual({ kind: 'completed' })
      await proxy.log.settle(1000)
      const { recording } = buildRecording({ config, exchanges: proxy.log.exchanges, client: 'sdk', source: 'proxy' })
      expect(JSON.stringify(recording)).not.toContain(proxy.server.origin)
      const judgements = judgeTrial(recordingTrial(recording), PROPERTIES)
      for (const judgement of judgements) expect(judgement.verdict, judgement.property.id).not.toBe('violated')
      const held = judgements.filter((j) => j.verdict === 'held').map((j) => j.property.id)
      expect(held).toEqual(expect.arrayContaining(['resource-metadata-honored', 'resource-parameter', 'pkce-s256']))
    } finally {
      await proxy.close()
      server.close()
      await port.close()
    }
  })
})
