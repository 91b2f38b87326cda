import { describe, expect, it } from 'vitest'
import { trialInput } from '../helpers/inputs.js'
import { clientCredentialsGrant, headersAlwaysSent } from '../../properties/index.js'
import { findInstallable } from '../../src/clients/provision/installable-clients.js'
import { installedClient } from '../../src/clients/provision/provision.js'
import { judge } from '../../src/property/judge.js'
import { runTrial } from '../../src/runner/run-trial.js'
import { commandProblem } from '../../src/runtime/child-process.js'

// The pinned release runs in installable-clients.test.ts; this is the oldest the adapter supports.
describe.skipIf(Boolean(await commandProblem('cargo')))('rust-sdk at its oldest supported release', () => {
  it('rmcp 3.0.0: builds, a real session sends the configured headers, and it is told client credentials', async () => {
    const found = findInstallable('rust-sdk@3.0.0')!
    expect(found.client.oldest).toBe('3.0.0')
    const client = await installedClient(found.client, found.version)
    const open = trialInput({ transport: 'streamable-http' })
    const trial = await runTrial(client, open.config, open.scenario, { timeoutMs: 30_000 })
    expect(trial.outcome, JSON.stringify(trial.process)).toEqual({ kind: 'completed' })
    expect(judge(headersAlwaysSent, trial).verdict).toBe('held')
    // OAuthState::authenticate_client_credentials (every release from 3.0.0): no browser, the grant only.
    expect(client.grants).toEqual(['client-credentials-basic'])
    const machine = trialInput({ transport: 'streamable-http', auth: 'oauth', grant: 'client-credentials-basic' })
    const granted = await runTrial(client, machine.config, machine.scenario, { timeoutMs: 30_000 })
    expect(granted.outcome, JSON.stringify(granted.process)).toEqual({ kind: 'completed' })
    expect(judge(clientCredentialsGrant, granted).verdict).toBe('held')
  }, 900_000)
})
