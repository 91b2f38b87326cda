import { describe, expect, it } from 'vitest'
import { commandClient } from '../src/clients/command-client.js'
import { configFormatByName } from '../src/config/formats/registry.js'
import { coverageInputs } from '../src/coverage/coverage-inputs.js'
import type { Trial } from '../src/core/trial.js'
import { runTrial } from '../src/runner/run-trial.js'
import { resolveScenario } from '../src/scenario/resolve-scenario.js'
import { issuedTokens } from '../src/traffic/oauth-flow.js'
import { leakedState, processOf } from './helpers/state-leak.js'
import { config, scenario } from './helpers/trials.js'
import { cli } from './helpers/cli.js'

const NODE = process.execPath
const json = configFormatByName('json')

describe('session loop (MCP_SESSION_LOOP=1)', () => {
  it('the TypeScript SDK adapter runs OAuth sessions one after another in one process, and nothing of one reaches the next', async () => {
    const client = commandClient(`${NODE} clients/ts-sdk/client.mjs`, json, { sessionLoop: true })
    const oauth = coverageInputs(client).find((c) => c.label === 'auth=oauth')!.input
    const trials: Trial[] = []
    for (const key of ['first-key-1111111', 'second-key-222222', 'third-key-3333333']) {
      const configured = { ...oauth.config, headers: { 'X-API-Key': key } }
      trials.push(await runTrial(client, configured, resolveScenario(configured, oauth.plan), { timeoutMs: 20_000 }))
    }
    expect(new Set(trials.map(processOf)).size).toBe(1)
    expect(leakedState(trials[0]!, trials[1]!)).toEqual([])
    expect(leakedState(trials[1]!, trials[2]!)).toEqual([])
    expect(leakedState(trials[0]!, trials[2]!)).toEqual([])
    for (const trial of trials) {
      expect(trial.outcome).toEqual({ kind: 'completed' })
      expect(issuedTokens(trial).length).toBeGreaterThan(0)
    }
  })

  it('the isolation check fails when a program keeps state between sessions', async () => {
    const client = commandClient(`${NODE} test/fixtures/leaky-session-loop.mjs`, json, { sessionLoop: true })
    const first = await runTrial(client, config({ headers: { 'X-API-Key': 'first-key-1111111' } }), scenario(), {
      timeoutMs: 20_000,
    })
    const second = await runTrial(client, config({ headers: { 'X-API-Key': 'second-key-222222' } }), scenario(), {
      timeoutMs: 20_000,
    })
    expect(processOf(first)).toBe(processOf(second))
    expect(leakedState(first, second)).toEqual(['first-key-1111111'])
  })

  it('a process that dies or hangs in a session is that trial’s outcome; the next trial gets a fresh process', async () => {
    const client = commandClient(`${NODE} test/fixtures/unruly-session-loop.mjs`, json, { sessionLoop: true })
    const run = (behaviour: string) =>
      runTrial(client, config({ headers: { 'X-Behaviour': behaviour } }), scenario(), { timeoutMs: 3000 })
    const fine = await run('fine')
    expect(fine.outcome).toEqual({ kind: 'completed' })
    const failed = await run('fail')
    expect(failed.outcome).toMatchObject({ kind: 'client-error', message: expect.stringContaining('told to fail') })
    expect(processOf(failed)).toBe(processOf(fine))
    const died = await run('die')
    expect(died.outcome).toMatchObject({
      kind: 'client-error',
      message: expect.stringContaining('died during the session: exit code 3'),
    })
    expect(died.process?.stderrTail).toContain('die')
    const after = await run('fine')
    expect(after.outcome).toEqual({ kind: 'completed' })
    expect(processOf(after)).not.toBe(processOf(died))
    const hung = await run('hang')
    expect(hung.outcome).toEqual({ kind: 'timeout', afterMs: 3000 })
    const recovered = await run('fine')
    expect(recovered.outcome).toEqual({ kind: 'completed' })
    expect(processOf(recovered)).not.toBe(processOf(hung))
  })

  it('the time limit counts from the session, not from a process that was slow to start', async () => {
    const client = commandClient(`${NODE} test/fixtures/unruly-session-loop.mjs`, json, { sessionLoop: true })
    const trial = await runTrial(client, config(), scenario(), { timeoutMs: 1000, env: { UNRULY_START_MS: '2500' } })
    expect(trial.outcome).toEqual({ kind: 'completed' })
    // The same session in a process per trial counts the start: the wait is the trial's.
    const perTrial = commandClient(`${NODE} -e "setTimeout(() => {}, 2500)"`, json)
    const timed = await runTrial(perTrial, config(), scenario(), { timeoutMs: 1000 })
    expect(timed.outcome).toEqual({ kind: 'timeout', afterMs: 1000 })
  })

  it('a program that does not speak the session loop is a client error that says so', async () => {
    const client = commandClient(`${NODE} test/fixtures/print-invocation.mjs`, json, { sessionLoop: true })
    const trial = await runTrial(client, config(), scenario(), { timeoutMs: 5000 })
    expect(trial.outcome).toMatchObject({
      kind: 'client-error',
      message: expect.stringContaining('exited before it said it was ready'),
    })
  })

  // Issue 36 §5 (reliability-2026-12-07, findings 5 and 10): each failed before.
  it('an answer for a session not yet sent is a protocol error: that trial says so, the next gets a fresh process', async () => {
    const client = commandClient(`${NODE} test/fixtures/unruly-session-loop.mjs`, json, { sessionLoop: true })
    const run = (behaviour: string) =>
      runTrial(client, config({ headers: { 'X-Behaviour': behaviour } }), scenario(), { timeoutMs: 3000 })
    const ahead = await run('ahead')
    expect(ahead.outcome).toEqual({ kind: 'completed' })
    const next = await run('fine')
    expect(next.outcome).toMatchObject({
      kind: 'client-error',
      message: expect.stringMatching(
        /broke the protocol: it answered session \d+ (before it was sent|while session \d+ was running)/,
      ),
    })
    expect(next.exchanges).toEqual([])
    const after = await run('fine')
    expect(after.outcome).toEqual({ kind: 'completed' })
    expect(processOf(after)).not.toBe(processOf(ahead))
  })

  it('a program that never says ready stops the run after a few starts with one error, not a wait per trial', async () => {
    const ran = await cli(
      'fuzz',
      '--client',
      `cmd:${NODE} test/fixtures/print-invocation.mjs`,
      '--session-loop',
      '--property',
      'accept-headers',
      '--phases',
      'random',
      '--runs',
      '20',
      '--concurrency',
      '1',
    )
    expect(ran.code).toBe(2)
    expect(ran.stderr).toMatch(
      /never said it was ready \(\{"ready":true\} on its standard output\) in 3 starts: the run stops here/,
    )
  })

  it('refuses a command whose words hold placeholders: each session’s values come on standard input', () => {
    expect(() => commandClient(`${NODE} client.mjs --url={url}`, json, { sessionLoop: true })).toThrow(/standard input/)
    // A placeholder that is a whole word is dropped: the same template serves both modes.
    expect(() => commandClient(`${NODE} client.mjs {url}`, json, { sessionLoop: true })).not.toThrow()
  })
})
