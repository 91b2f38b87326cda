import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { PROPERTIES } from '../properties/index.js'
import { clientByName } from '../src/resolve/known-clients.js'
import { loadRecording } from '../src/recording/load-recording.js'
import { recordingTrial } from '../src/recording/recording-trial.js'
import { createReplayServer } from '../src/replay/replay-server.js'
import { judgeTrial } from '../src/property/judge.js'
import { runSession } from '../src/runner/run-trial.js'
import { loadExpectedFailures } from '../src/runner/expected-failures.js'

/** What `check` must keep finding in each committed recording: property → offending exchanges. */
const EXPECTED: Record<string, Record<string, number[] | 'held' | 'not-exercised'>> = {
  // Claude Code also guessed {origin}/register, which no metadata advertised.
  'claude-code-7290-http.json': {
    'headers-always-sent': [5],
    'no-discovery-without-challenge': [1, 2, 3, 4],
    'client-registration': [4],
  },
  'claude-code-7290-sse.json': {
    'headers-always-sent': 'not-exercised',
    'no-discovery-without-challenge': [1, 2, 3, 4, 5],
    'client-registration': [5],
  },
  // Recorded with an SDK-based faulty client, which carries the SDK's own /register guess.
  'vscode-246207-sse-posts-without-headers.json': {
    'headers-always-sent': [2],
    'no-discovery-without-challenge': 'held',
    'client-registration': [7],
  },
  'gemini-cli-25473-get-stream-without-headers.json': { 'headers-always-sent': [3], 'no-discovery-without-challenge': 'held' },
  'codex-5588-discovery-without-401.json': { 'headers-always-sent': 'held', 'no-discovery-without-challenge': [1, 2, 3, 4] },
}
const DIR = new URL('../recordings/', import.meta.url)
const KNOWN = await loadExpectedFailures('expected-failures.json')

describe('the committed corpus of real bugs', () => {
  it('every recording in recordings/ is listed here', () => {
    expect(
      readdirSync(DIR)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual(Object.keys(EXPECTED).sort())
  })

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: check still finds the bug`, async () => {
      const trial = recordingTrial(await loadRecording(new URL(file, DIR).pathname))
      for (const judgement of judgeTrial(trial, PROPERTIES)) {
        const want = expected[judgement.property.id]
        if (Array.isArray(want)) {
          expect(judgement.verdict, judgement.property.id).toBe('violated')
          expect(judgement.violations.map((v) => v.exchange)).toEqual(want)
        } else {
          // Properties the bug is not about must not blame the recording either.
          expect(judgement.verdict, judgement.property.id).toBe(want ?? judgement.verdict)
          if (want === undefined) expect(judgement.verdict, judgement.property.id).not.toBe('violated')
        }
      }
    })

    it(`${file}: replaying its server to the SDK client shows no bug`, async () => {
      const recording = await loadRecording(new URL(file, DIR).pathname)
      const client = clientByName(recording.config.transport === 'sse' ? 'sdk-sse' : 'sdk-streamable')
      const server = createReplayServer(recording, { speed: 0, unmatched: '404' })
      const trial = await runSession(client, recording.config, server, { timeoutMs: 5000 })
      expect(trial.outcome.kind).not.toBe('timeout')
      // What the SDK itself is known to violate (expected-failures.json) is not the recording's bug.
      const known = new Set(KNOWN.filter((e) => e.client === client.name).map((e) => e.property))
      for (const judgement of judgeTrial(trial, PROPERTIES))
        if (!known.has(judgement.property.id)) expect(judgement.verdict, judgement.property.id).not.toBe('violated')
      if (file !== 'claude-code-7290-sse.json') expect(server.mismatches).toEqual([])
    })
  }
})
