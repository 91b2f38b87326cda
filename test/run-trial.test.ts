import { describe, expect, it } from 'vitest'
import type { ClientUnderTest } from '../src/clients/client-under-test.js'
import { SDK_CLIENTS } from '../src/clients/sdk-clients.js'
import { runTrial } from '../src/runner/run-trial.js'
import { config, scenario } from './helpers/trials.js'

const sdkStreamable = SDK_CLIENTS.find((c) => c.name === 'sdk-streamable')!
const sdkSse = SDK_CLIENTS.find((c) => c.name === 'sdk-sse')!

describe('runTrial', () => {
  it('a client whose session needs longer than the run gives (minTimeoutMs) gets that long; without it, the timeout', async () => {
    // A session that takes 1.2 s before it does what the standard session does.
    const slow: ClientUnderTest = {
      ...sdkStreamable,
      name: 'slow-start',
      run: async (cfg, context) => {
        await new Promise((resolve) => setTimeout(resolve, 1200))
        await sdkStreamable.run(cfg, context)
      },
    }
    const cut = await runTrial(slow, config(), scenario(), { timeoutMs: 300 })
    expect(cut.outcome).toEqual({ kind: 'timeout', afterMs: 300 })
    const given = await runTrial({ ...slow, minTimeoutMs: 10_000 }, config(), scenario(), { timeoutMs: 300 })
    expect(given.outcome).toEqual({ kind: 'completed' })
  })

  it('runs a full SDK session and captures all of it: initialize, initialized, GET stream, tools/list, 3 calls, DELETE', async () => {
    const trial = await runTrial(sdkStreamable, config(), scenario({ responseMode: 'sse' }), { timeoutMs: 5000 })
    expect(trial.outcome).toEqual({ kind: 'completed' })
    expect(trial.exchanges.map((e) => `${e.method} ${e.status}`)).toEqual([
      'POST 200',
      'POST 202',
      'GET 200',
      'POST 200',
      'POST 200',
      'POST 200',
      'POST 200',
      'DELETE 200',
    ])
  })

  it('a GET stream dropped after a notification is resumed with Last-Event-ID, and the session re-lists tools each time', async () => {
    const trial = await runTrial(sdkStreamable, config(), scenario({ getStreamEvents: 'notification-then-drop' }), {
      timeoutMs: 5000,
    })
    expect(trial.outcome).toEqual({ kind: 'completed' })
    const gets = trial.exchanges.filter((e) => e.method === 'GET')
    expect(gets).toHaveLength(2)
    expect(gets[0]!.events?.[0]).toMatchObject({ id: 'event-1' })
    expect(gets[1]!.requestHeaders.find(([name]) => name === 'last-event-id')?.[1]).toBe('event-1')
    expect(gets[1]!.events?.[0]).toMatchObject({ id: 'event-2' })
    const lists = trial.exchanges.filter((e) => e.requestBody?.includes('"tools/list"'))
    expect(lists).toHaveLength(3)
  })

  it('a server that guards only tools/call lets the session start without credentials, and a revoked token is answered invalid_token', async () => {
    const guarded = await runTrial(
      sdkStreamable,
      config({ headers: {} }),
      scenario({
        auth: { kind: 'static-header', header: 'X-API-Key', value: 'k-123456', challenge: 'bearer-bare' },
        guard: 'tools-call-only',
      }),
      { timeoutMs: 5000 },
    )
    expect(guarded.exchanges.map((e) => `${e.method} ${e.status}`).slice(0, 5)).toEqual([
      'POST 200',
      'POST 202',
      'GET 200',
      'POST 200',
      'POST 401',
    ])
  })

  it('reports a client that hangs as a timeout, with the traffic it had sent, and moves on', async () => {
    const hangs: ClientUnderTest = {
      name: 'test:hangs',
      description: 'sends one request, then never returns',
      transports: ['streamable-http'],
      async run(cfg) {
        await fetch(cfg.url, { method: 'POST', headers: cfg.headers, body: '{"jsonrpc":"2.0","id":1,"method":"ping"}' })
        await new Promise(() => undefined)
      },
    }
    // A hang would show as this test's own time limit; the outcome says the trial's timer ended it.
    const trial = await runTrial(hangs, config(), scenario({ sessions: false }), { timeoutMs: 200 })
    expect(trial.outcome).toEqual({ kind: 'timeout', afterMs: 200 })
    expect(trial.exchanges).toHaveLength(1)
  })

  it('reports a real SDK hang (an SSE client waiting for an endpoint event that never comes) as a timeout', async () => {
    const wrongServer = scenario({ transport: 'streamable-http', sessions: false, getStream: 'sse' })
    const trial = await runTrial(sdkSse, config({ transport: 'sse' }), wrongServer, { timeoutMs: 300 })
    expect(trial.outcome.kind).toBe('timeout')
    expect(trial.exchanges[0]).toMatchObject({ method: 'GET', status: 200 })
  })

  it('reports a client that throws as a client error', async () => {
    const crashes: ClientUnderTest = {
      name: 'test:crashes',
      description: 'throws',
      transports: ['streamable-http'],
      run: async () => {
        throw new TypeError('boom')
      },
    }
    const trial = await runTrial(crashes, config(), scenario(), { timeoutMs: 1000 })
    expect(trial.outcome).toEqual({ kind: 'client-error', message: 'TypeError: boom' })
  })

  it('reports an adapter that throws before it returns a promise as a client error too', async () => {
    const throwsAtOnce: ClientUnderTest = {
      name: 'test:throws-at-once',
      description: 'throws synchronously',
      transports: ['streamable-http'],
      run: () => {
        throw new RangeError('no key for this config')
      },
    }
    const trial = await runTrial(throwsAtOnce, config(), scenario(), { timeoutMs: 1000 })
    expect(trial.outcome).toEqual({ kind: 'client-error', message: 'RangeError: no key for this config' })
  })
})
