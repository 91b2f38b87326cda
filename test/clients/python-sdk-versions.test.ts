import { describe, expect, it } from 'vitest'
import { trialInput } from '../helpers/inputs.js'
import { clientAuthenticationAsConfigured, clientCredentialsGrant, headersAlwaysSent, pkceS256 } from '../../properties/index.js'
import { findInstallable } from '../../src/clients/provision/installable-clients.js'
import { installedClient } from '../../src/clients/provision/provision.js'
import { judge } from '../../src/property/judge.js'
import { runTrial } from '../../src/runner/run-trial.js'
import { commandProblem } from '../../src/runtime/child-process.js'

// One adapter for every release from 1.0 (it looks up what a release has): the oldest, a 1.x with
// the 1.x OAuth client API (streamablehttp_client, a callback that returns a tuple), and the pinned 2.x.
const VERSIONS = [
  { version: '1.0.0', transports: ['sse'] as const, oauth: false },
  // (Not 1.12: its OAuthClientProvider sends every request a second time after the answer, which
  // reopens an SSE stream and hangs the session; fixed by 1.20. A finding, not an adapter fault.)
  { version: '1.20.0', transports: ['streamable-http', 'sse'] as const, oauth: true },
  { version: '2.3.0', transports: ['streamable-http', 'sse'] as const, oauth: true },
]

describe.skipIf(Boolean(await commandProblem('python3')))('python-sdk across its releases', () => {
  for (const { version, transports, oauth } of VERSIONS)
    it(`mcp ${version}: offered ${transports.join(' and ')}${oauth ? ' with OAuth' : ', no OAuth'}; a real session on each, OAuth completed where it has it`, async () => {
      const found = findInstallable(`python-sdk@${version}`)!
      const client = await installedClient(found.client, found.version)
      expect(client.transports).toEqual(transports)
      expect(client.acceptsOAuthClientId).toBe(oauth)
      for (const transport of transports) {
        const open = trialInput({ transport })
        const plain = await runTrial(client, open.config, open.scenario, { timeoutMs: 30_000 })
        expect(plain.outcome, `${transport}: ${JSON.stringify(plain.process)}`).toEqual({ kind: 'completed' })
        expect(judge(headersAlwaysSent, plain).verdict).toBe('held')
      }
      if (!oauth) return
      const challenged = trialInput({ transport: 'streamable-http', auth: 'oauth' })
      const authorized = await runTrial(client, challenged.config, challenged.scenario, { timeoutMs: 30_000 })
      expect(authorized.outcome, JSON.stringify(authorized.process)).toEqual({ kind: 'completed' })
      expect(judge(pkceS256, authorized).verdict).toBe('held')
    }, 600_000)

  it('mcp 2.3.0 is told client credentials (a secret, a private key JWT) and uses the SDK providers as configured; 1.20.0 is told none', async () => {
    const old = findInstallable('python-sdk@1.20.0')!
    expect((await installedClient(old.client, old.version)).grants ?? []).toEqual([])
    const found = findInstallable('python-sdk@2.3.0')!
    const client = await installedClient(found.client, found.version)
    expect(client.grants).toEqual(['client-credentials-basic', 'client-credentials-jwt'])
    for (const grant of client.grants!) {
      const input = trialInput({ transport: 'streamable-http', auth: 'oauth', grant })
      const trial = await runTrial(client, input.config, input.scenario, { timeoutMs: 30_000 })
      expect(trial.outcome, `${grant}: ${JSON.stringify(trial.process)}`).toEqual({ kind: 'completed' })
      expect(judge(clientCredentialsGrant, trial).verdict, grant).toBe('held')
      expect(judge(clientAuthenticationAsConfigured, trial).verdict, grant).toBe('held')
    }
  }, 600_000)
})
