import { describe, expect, it } from 'vitest'
import { trialInput } from '../helpers/inputs.js'
import { headersAlwaysSent } from '../../properties/index.js'
import { findInstallable, INSTALLABLE_CLIENTS } from '../../src/clients/provision/installable-clients.js'
import { installedClient } from '../../src/clients/provision/provision.js'
import { judge } from '../../src/property/judge.js'
import { runTrial } from '../../src/runner/run-trial.js'
import { commandProblem } from '../../src/runtime/child-process.js'

// Each agent preset writes the config its release reads: its oldest supported release (12 months
// back, or where its config shape begins) makes a real MCP start-up with what it was configured with.
const missingNpm = await commandProblem('npm')
const AGENTS = ['claude-code', 'gemini-cli', 'codex', 'opencode', 'mcp-remote']

describe.skipIf(Boolean(missingNpm))('agent presets at their oldest supported release', () => {
  it('every agent preset names its oldest supported release', () => {
    for (const name of AGENTS) expect(INSTALLABLE_CLIENTS.find((c) => c.name === name)?.oldest, name).toMatch(/^\d+\.\d+\.\d+$/)
  })

  for (const name of AGENTS.filter((n) => n !== 'codex'))
    it(`${name} at its oldest release: a real MCP start-up carrying the configured API key`, async () => {
      const installable = INSTALLABLE_CLIENTS.find((c) => c.name === name)!
      const client = await installedClient(installable, installable.oldest!)
      const open = trialInput({ headers: 'x-api-key' })
      const trial = await runTrial(client, open.config, open.scenario, { timeoutMs: 30_000 })
      expect(trial.outcome, `${trial.process?.stderrTail}`).toEqual({ kind: 'completed' })
      expect(trial.exchanges.some((e) => e.requestBody?.includes('"tools/list"'))).toBe(true)
      expect(judge(headersAlwaysSent, trial).verdict).not.toBe('not-exercised')
    }, 600_000)

  // Codex 0.44: URL servers behind experimental_use_rmcp_client, and only a bearer_token to configure.
  it('codex 0.44.0: offered a bearer token only; it connects, and sends "Bearer Bearer …" (openai/codex#4846)', async () => {
    const found = findInstallable('codex@0.44.0')!
    const client = await installedClient(found.client, found.version)
    expect(client.configurableHeaders).toBe('bearer-only')
    const open = trialInput({ headers: 'bearer' })
    const trial = await runTrial(client, open.config, open.scenario, { timeoutMs: 30_000 })
    expect(trial.outcome, `${trial.process?.stderrTail}`).toEqual({ kind: 'completed' })
    const sent = trial.exchanges.find((e) => e.requestBody?.includes('"initialize"'))!.requestHeaders
    expect(sent.find(([name]) => name === 'authorization')?.[1]).toBe('Bearer Bearer test-token-12345')
    expect(judge(headersAlwaysSent, trial).verdict).toBe('violated')
    // From 0.47 any header goes in http_headers.
    const later = await installedClient(found.client, '0.47.0')
    expect(later.configurableHeaders).toBe('any')
  }, 600_000)
})
