import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROPERTIES } from '../properties/index.js'
import { clientByName } from '../src/clients/registry.js'
import { loadRecording } from '../src/recording/load-recording.js'
import { createReplayServer } from '../src/replay/replay-server.js'
import { judgeTrial } from '../src/runner/judge-trial.js'
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
