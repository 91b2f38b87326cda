import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildRecording } from '../src/recording/build-recording.js'
import { loadRecording } from '../src/recording/load-recording.js'
import { RecordingError } from '../src/recording/recording-error.js'
import { recordingJsonSchema } from '../src/recording/recording-schema.js'
import { serializeRecording, writeRecording } from '../src/recording/write-recording.js'
import { runTrial } from '../src/runner/run-trial.js'
import { SDK_CLIENTS } from '../src/clients/sdk-clients.js'
import { cli } from './helpers/cli.js'
import { config, scenario } from './helpers/trials.js'
import { tempDir } from './helpers/tmp.js'

const dir = tempDir()

async function sampleRecording() {
  const trial = await runTrial(SDK_CLIENTS[0]!, config(), scenario({ responseMode: 'sse' }), { timeoutMs: 5000 })
  return buildRecording({
    config: trial.config,
    exchanges: trial.exchanges,
    client: trial.client,
    source: 'record',
    recordedAt: '2026-11-26T00:00:00.000Z',
  })
}

function writeJson(name: string, value: unknown): string {
  const file = join(dir, name)
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2))
  return file
}

async function loadError(file: string): Promise<RecordingError> {
  const error = await loadRecording(file).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(RecordingError)
  return error as RecordingError
}

describe('recording files', () => {
  it('are stable: the same session serialises to the same bytes, each exchange readable with JSON bodies', async () => {
    const first = serializeRecording((await sampleRecording()).recording)
    const second = serializeRecording((await sampleRecording()).recording)
    // Only what differs between two real runs may differ: session ids and event timings.
    const volatile = (text: string) => text.replace(/"mcp-session-id": "[^"]+"/g, '').replace(/"atMs": \d+/g, '')
    expect(volatile(first)).toBe(volatile(second))
    const parsed = JSON.parse(first)
    expect(Object.keys(parsed)).toEqual(['format', 'version', 'metadata', 'config', 'exchanges'])
    expect(parsed.exchanges[0].request.json).toMatchObject({ jsonrpc: '2.0', method: 'initialize' })
    expect(parsed.exchanges[0].response.events[0].event).toBe('message')
  })

  it('validate against the published JSON Schema shape (format, version, required fields)', () => {
    const schema = recordingJsonSchema() as { properties: Record<string, unknown>; required: string[] }
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'version', 'metadata', 'config', 'exchanges']))
    const published = JSON.parse(readFileSync(new URL('../schema/recording.schema.json', import.meta.url), 'utf8'))
    expect(published).toEqual(JSON.parse(JSON.stringify(schema)))
  })

  it('load back to what was written', async () => {
    const { recording, redactor } = await sampleRecording()
    const file = join(dir, 'ok.json')
    await writeRecording(file, recording, redactor)
    expect(await loadRecording(file)).toEqual(JSON.parse(serializeRecording(recording)))
  })

  it('name the file and place of a JSON syntax error', async () => {
    const error = await loadError(writeJson('broken.json', '{\n  "format": "mcp-auth-harness/recording",\n  "version": 1,,\n}'))
    expect(error.message).toMatch(/broken\.json: \$: not valid JSON at line 3, column \d+/)
  })

  it('name the file and the version for a wrong version', async () => {
    const { recording } = await sampleRecording()
    const error = await loadError(writeJson('v2.json', { ...recording, version: 2 }))
    expect(error.message).toMatch(
      /v2\.json: \$\.version: this mcp-auth-harness reads version 1 recordings, the file is version 2/,
    )
  })

  it('name the file and the JSON path of the first bad field', async () => {
    const { recording } = await sampleRecording()
    const bad = JSON.parse(serializeRecording(recording))
    bad.exchanges[2].response.status = '200'
    const error = await loadError(writeJson('bad-field.json', bad))
    expect(error.message).toMatch(/bad-field\.json: \$\.exchanges\[2\]\.response\.status: /)
    expect((await loadError(writeJson('har.json', { log: { entries: [] } }))).message).toMatch(
      /\$\.format: expected "mcp-auth-harness\/recording"/,
    )
    expect((await loadError(join(dir, 'missing.json'))).message).toMatch(/missing\.json: \$: cannot be read: ENOENT/)
  })

  it('a malformed recording is a usage/input error for the CLI: exit 2, file and path named', async () => {
    const { recording } = await sampleRecording()
    const bad = JSON.parse(serializeRecording(recording))
    delete bad.exchanges[0].request.method
    const file = writeJson('cli-bad.json', bad)
    for (const command of ['check', 'replay']) {
      const { code, stderr } = await cli(command, file)
      expect(code).toBe(2)
      expect(stderr).toContain(`${file}: $.exchanges[0].request.method:`)
    }
  })
})
