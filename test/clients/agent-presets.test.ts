import { beforeAll, describe, expect, it } from 'vitest'
import { trialInput } from '../helpers/inputs.js'
import type { ClientUnderTest } from '../../src/clients/client-under-test.js'
import { headersAlwaysSent } from '../../properties/index.js'
import { findInstallable } from '../../src/clients/provision/installable-clients.js'
import { installedClient } from '../../src/clients/provision/provision.js'
import { judge } from '../../src/property/judge.js'
import { runTrial } from '../../src/runner/run-trial.js'
import { commandProblem } from '../../src/runtime/child-process.js'
import { cli } from '../helpers/cli.js'

// Each preset is the real npm package, installed into the cache on first use, run in its own HOME
// with its model API a local refuser: the trial completes once it asked the model, which it does
// only after its MCP start-up (initialize, tools/list) is done.
const missingNpm = await commandProblem('npm')
if (missingNpm) console.warn(`SKIPPED the agent presets: ${missingNpm}`)
describe.skipIf(Boolean(missingNpm))('agent CLI presets: installed from npm, isolated, the model API refused', () => {
  const names = ['claude-code', 'gemini-cli', 'codex', 'opencode', 'mcp-remote']
  const clients = new Map<string, ClientUnderTest>()
  // npm downloads ~1.3 GB for the five on a fresh machine: a budget of its own.
  beforeAll(async () => {
    for (const name of names) {
      const found = findInstallable(name)!
      clients.set(name, await installedClient(found.client, found.version))
    }
  }, 900_000)
  for (const name of names) {
    it(`${name}: a real MCP start-up with the configured headers, then ${name === 'mcp-remote' ? 'it exits 0' : 'its model request ends the trial'}`, async () => {
      const client = clients.get(name)!
      const open = trialInput({})
      const trial = await runTrial(client, open.config, open.scenario, { timeoutMs: 20_000 })
      expect(trial.outcome, `${trial.process?.stderrTail}`).toEqual({ kind: 'completed' })
      expect(trial.exchanges.some((e) => e.requestBody?.includes('"tools/list"'))).toBe(true)
      expect(judge(headersAlwaysSent, trial).verdict).toBe('held')
    })
  }

  // The client's own expected-failures file (expected-failures/mcp-remote.json) comes with the
  // bundled one: its known violation is reported as expected, and the run passes.
  it('fuzz --client mcp-remote reads expected-failures/mcp-remote.json: a known violation is expected, exit 0', async () => {
    const { code, stdout } = await cli(
      'fuzz',
      '--client',
      'mcp-remote',
      '--phases',
      'coverage',
      '--property',
      'no-discovery-without-challenge',
      '--timeout',
      '15000',
      '--found-dir',
      'none',
    )
    expect(stdout).toMatch(/no-discovery-without-challenge/)
    expect(stdout).toMatch(/1 expected failure\(s\)/)
    expect(code).toBe(0)
  })
})
