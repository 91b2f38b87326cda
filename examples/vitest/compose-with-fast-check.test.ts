// Composing your own property with @fast-check/vitest from the harness's arbitraries, its live mock
// server and its property checks. Run by this project's `npm test`.
import { test } from '@fast-check/vitest'
import { expect } from 'vitest'
import { clientByName, headersAlwaysSent, resolveScenario, runTrial, trialInputArbitrary, violationsOf } from 'mcp-auth-harness'

const client = clientByName('sdk-streamable')

test.prop([trialInputArbitrary(client.transports)], { numRuns: 25, seed: 11 })(
  'configured headers reach the MCP server on every request; a completed session listed the tools',
  async ({ config, plan }) => {
    const trial = await runTrial(client, config, resolveScenario(config, plan), { timeoutMs: 5000 })
    expect(violationsOf(trial, [headersAlwaysSent])).toEqual([])
    // Your own rule beside the harness's, over the same recorded traffic.
    if (trial.outcome.kind === 'completed') expect(trial.exchanges.some((e) => e.requestBody?.includes('tools/list'))).toBe(true)
  },
  120_000,
)
