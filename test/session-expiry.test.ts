import { describe, expect, it } from 'vitest'
import { SDK2_CLIENTS } from '../src/clients/sdk2-clients.js'
import { SDK_CLIENTS } from '../src/clients/sdk-clients.js'
import { coverageInputs } from '../src/coverage/coverage-inputs.js'
import { DIMENSIONS } from '../src/dimensions/dimensions.js'
import { trialInputSchema } from '../src/dimensions/trial-input-schema.js'
import { InProcessNetwork } from '../src/network/in-process-network.js'
import { runTrial } from '../src/runner/run-trial.js'
import { resolveScenario } from '../src/scenario/resolve-scenario.js'
import { createScenarioServer } from '../src/scenario/scenario-server.js'
import { baseInput } from '../src/dimensions/base-input.js'
import { config, scenario } from './helpers/trials.js'

const ACCEPT = 'application/json, text/event-stream'
const rpc = (method: string, id?: number) =>
  JSON.stringify({ jsonrpc: '2.0', ...(id === undefined ? {} : { id }), method, params: {} })

// sessionExpiry was added as a table entry (core/server-options.ts) and its handler
// (scenario/streamable-http-handlers.ts), nothing else: these check that everything else followed.
describe('sessionExpiry: a dimension declared in two files', () => {
  it('the mock forgets the session when tools/call comes (404), and a new session then works', async () => {
    const server = createScenarioServer(scenario({ sessionExpiry: 'before-tools-call' }))
    const post = (body: string, session?: string) =>
      fetch('http://mcp.test/mcp', {
        method: 'POST',
        headers: { accept: ACCEPT, 'content-type': 'application/json', ...(session ? { 'mcp-session-id': session } : {}) },
        body,
      })
    try {
      await InProcessNetwork.shared().run(server.handlers, async () => {
        const first = (await post(rpc('initialize', 1))).headers.get('mcp-session-id')!
        expect((await post(rpc('tools/list', 2), first)).status).toBe(200)
        expect((await post(rpc('tools/call', 3), first)).status).toBe(404)
        expect((await post(rpc('tools/list', 4), first)).status).toBe(404)
        const second = (await post(rpc('initialize', 5))).headers.get('mcp-session-id')!
        expect(second).not.toBe(first)
        expect((await post(rpc('tools/call', 6), second)).status).toBe(200)
      })
    } finally {
      server.close()
    }
  })

  it('is a dimension, in the saved-input schema, in the Scenario, and in the coverage phase', () => {
    const dimension = DIMENSIONS.find((d) => d.name === 'sessionExpiry')!
    expect(dimension).toMatchObject({ part: 'server', base: 'never', values: ['never', 'before-tools-call'] })
    const base = baseInput(DIMENSIONS)
    const expiring = dimension.set(base, 'before-tools-call')
    expect(trialInputSchema.safeParse(expiring).success).toBe(true)
    // Inputs saved before it existed lack it: still valid, read as the base.
    expect(trialInputSchema.safeParse(base).success).toBe(true)
    expect(dimension.get(base)).toBe('never')
    expect(trialInputSchema.safeParse(dimension.set(base, 'sometimes')).success).toBe(false)
    expect(resolveScenario(expiring.config, expiring.plan).sessionExpiry).toBe('before-tools-call')
    expect(resolveScenario(base.config, base.plan)).not.toHaveProperty('sessionExpiry')
    const labels = coverageInputs({ transports: ['streamable-http', 'sse'] }).map((c) => c.label)
    expect(labels).toContain('sessionExpiry=before-tools-call')
  })

  // What the bundled SDKs do, measured: neither starts a new session after the 404 (the spec's
  // Session Management says a client MUST); both end the session with the error.
  for (const client of [...SDK_CLIENTS, ...SDK2_CLIENTS].filter((c) => c.transports.includes('streamable-http'))) {
    it(`${client.name}: ends its session at the 404 instead of initializing a new one`, async () => {
      const trial = await runTrial(client, config(), scenario({ sessionExpiry: 'before-tools-call' }), { timeoutMs: 5000 })
      expect(trial.outcome).toMatchObject({ kind: 'client-error', message: expect.stringContaining('Session not found') })
      const last = trial.exchanges.at(-1)!
      expect([last.method, last.status, last.requestBody]).toEqual(['POST', 404, expect.stringContaining('tools/call')])
      expect(trial.exchanges.filter((e) => e.requestBody?.includes('"initialize"'))).toHaveLength(1)
    })
  }
})
