import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROPERTIES } from '../properties/index.js'
import { clientByName } from '../src/resolve/known-clients.js'
import type { Transport } from '../src/core/client-config.js'
import { recordSession } from '../src/record/record-session.js'
import { loadRecording } from '../src/recording/load-recording.js'
import { writeRecording } from '../src/recording/write-recording.js'
import { createReplayServer } from '../src/replay/replay-server.js'
import { judgeTrial } from '../src/property/judge.js'
import { runSession } from '../src/runner/run-trial.js'
import { startSdkServer, type RunningSdkServer } from './helpers/sdk-server.js'
import { tempDir } from './helpers/tmp.js'

const dir = tempDir()
let server: RunningSdkServer
beforeAll(async () => {
  server = await startSdkServer()
})
afterAll(() => server.close())

const CASES: Array<[Transport, string, string]> = [
  ['streamable-http', '/mcp', 'sdk-streamable'],
  ['sse', '/sse', 'sdk-sse'],
]

describe('round trip: a real SDK McpServer on a port, recorded, replayed to the SDK client', () => {
  for (const [transport, path, clientName] of CASES) {
    it(`${transport}: recorded with the key redacted, replayed with zero unmatched requests, properties held`, async () => {
      const config = { transport, url: `${server.origin}${path}`, headers: { 'X-API-Key': server.apiKey } }
      const { trial, recording, redactor } = await recordSession(clientByName(clientName), config, { timeoutMs: 5000 })
      expect(trial.outcome).toEqual({ kind: 'completed' })
      const file = join(dir, `${transport}.json`)
      await writeRecording(file, recording, redactor)
      const text = readFileSync(file, 'utf8')
      expect(text).not.toContain(server.apiKey)
      expect(text).toContain('"x-api-key": "<redacted:X-API-Key#1>"')

      const loaded = await loadRecording(file)
      expect(loaded.config.headers).toEqual({ 'X-API-Key': '<redacted:X-API-Key#1>' })
      const replay = createReplayServer(loaded, { speed: 1, unmatched: 'error' })
      const replayed = await runSession(clientByName(clientName), loaded.config, replay, { timeoutMs: 5000 })
      expect(replay.mismatches).toEqual([])
      expect(replayed.outcome).toEqual({ kind: 'completed' })
      expect(replayed.exchanges.map((e) => `${e.method} ${e.status}`)).toEqual(
        trial.exchanges.map((e) => `${e.method} ${e.status}`),
      )
      for (const judgement of judgeTrial(replayed, PROPERTIES))
        expect(judgement.verdict, judgement.property.id).not.toBe('violated')
    })
  }

  it('a different client version asks the same things: ids are rewritten to the live ones', async () => {
    const config = { transport: 'streamable-http' as const, url: `${server.origin}/mcp`, headers: { 'X-API-Key': server.apiKey } }
    const { recording } = await recordSession(clientByName('sdk-streamable'), config, { timeoutMs: 5000 })
    // Shift every recorded request id: a replay must answer with the ids the client really sent.
    for (const exchange of recording.exchanges) {
      const json = exchange.request.json as { id?: number } | undefined
      if (json && typeof json.id === 'number') json.id += 100
    }
    const replay = createReplayServer(recording, { speed: 0, unmatched: 'error' })
    const replayed = await runSession(clientByName('sdk-streamable-no-oauth'), recording.config, replay, { timeoutMs: 5000 })
    expect(replay.mismatches).toEqual([])
    expect(replayed.outcome).toEqual({ kind: 'completed' })
  })

  it('an unmatched request is reported with the closest recorded exchange and the field that differed', async () => {
    const config = { transport: 'streamable-http' as const, url: `${server.origin}/mcp`, headers: { 'X-API-Key': server.apiKey } }
    const { recording } = await recordSession(clientByName('sdk-streamable'), config, { timeoutMs: 5000 })
    recording.exchanges = recording.exchanges.filter(
      (e) => (e.request.json as { method?: string } | undefined)?.method !== 'tools/call',
    )
    for (const [mode, status] of [
      ['error', 500],
      ['404', 404],
    ] as const) {
      const replay = createReplayServer(recording, { speed: 0, unmatched: mode })
      const replayed = await runSession(clientByName('sdk-streamable'), recording.config, replay, { timeoutMs: 5000 })
      expect(replay.mismatches).toHaveLength(1)
      expect(replay.mismatches[0]!.live.rpcMethod).toBe('tools/call')
      expect(replay.mismatches[0]!.closest).toMatchObject({
        field: 'rpcMethod',
        recorded: expect.any(String),
        live: 'tools/call',
      })
      expect(replayed.exchanges.find((e) => e.requestBody?.includes('tools/call'))?.status).toBe(status)
    }
  })
})
