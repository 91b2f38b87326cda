import { describe, expect, it } from 'vitest'
import { coverageInputs } from '../../src/coverage/coverage-inputs.js'
import type { Trial } from '../../src/core/trial.js'
import { findInstallable } from '../../src/clients/provision/installable-clients.js'
import { installedClient } from '../../src/clients/provision/provision.js'
import { runTrial } from '../../src/runner/run-trial.js'
import { resolveScenario } from '../../src/scenario/resolve-scenario.js'
import { commandProblem } from '../../src/runtime/child-process.js'
import { issuedTokens } from '../../src/traffic/oauth-flow.js'
import { leakedState, processOf } from '../helpers/state-leak.js'

// Each SDK adapter runs its trials as sessions of one process (MCP_SESSION_LOOP=1): three sessions
// in a row, each with its own key and, where the SDK has OAuth, its own authorization; nothing one
// session was given or issued may reach the next. test/session-loop.test.ts shows the check failing
// for a program that keeps state.
const SDKS = [
  { name: 'python-sdk', toolchain: 'python3', oauth: true },
  { name: 'go-sdk', toolchain: 'go', oauth: true },
  { name: 'rust-sdk', toolchain: 'cargo', oauth: true },
  { name: 'java-sdk', toolchain: 'javac', oauth: false },
]

describe('session loop: SDK adapters keep nothing from one session to the next', () => {
  for (const sdk of SDKS) {
    it(`${sdk.name}: three sessions in one process, no key, token or client id carried over`, async (context) => {
      const missing = await commandProblem(sdk.toolchain)
      if (missing) return context.skip(`no ${sdk.toolchain}: ${missing}`)
      const found = findInstallable(sdk.name)!
      const client = await installedClient(found.client, found.version)
      // An OAuth session where the SDK has OAuth, else the open server with an API key.
      const label = sdk.oauth ? 'auth=oauth' : 'open × streamable-http × x-api-key'
      const input = coverageInputs(client).find((c) => c.label === label)!.input
      const trials: Trial[] = []
      for (const key of ['first-key-1111111', 'second-key-222222', 'third-key-3333333']) {
        const config = { ...input.config, headers: { ...input.config.headers, 'X-Session-Key': key } }
        trials.push(await runTrial(client, config, resolveScenario(config, input.plan), { timeoutMs: 30_000 }))
      }
      expect(new Set(trials.map(processOf)).size, trials.map((t) => t.process?.command).join('\n')).toBe(1)
      expect(leakedState(trials[0]!, trials[1]!)).toEqual([])
      expect(leakedState(trials[1]!, trials[2]!)).toEqual([])
      expect(leakedState(trials[0]!, trials[2]!)).toEqual([])
      for (const trial of trials) expect(trial.outcome, trial.process?.stderrTail).toEqual({ kind: 'completed' })
      if (sdk.oauth) for (const trial of trials) expect(issuedTokens(trial).length).toBeGreaterThan(0)
    }, 900_000)
  }
})
