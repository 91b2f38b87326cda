import { describe, expect, it } from 'vitest'
import { trialInput } from '../helpers/inputs.js'
import { clientAuthenticationAsConfigured, clientCredentialsGrant, headersAlwaysSent, pkceS256 } from '../../properties/index.js'
import { findInstallable } from '../../src/clients/provision/installable-clients.js'
import { installedClient } from '../../src/clients/provision/provision.js'
import { judge } from '../../src/property/judge.js'
import { runTrial } from '../../src/runner/run-trial.js'
import { commandProblem } from '../../src/runtime/child-process.js'

// One adapter, its OAuth part chosen by build tag per API generation: the oldest release (no client
// OAuth), the first with OAuth (v1.4.0, behind the SDK's own mcp_go_client_oauth tag), and the pinned one.
const VERSIONS = [
  { version: '1.1.0', oauth: false, preregistered: false, grants: [] },
  { version: '1.4.0', oauth: true, preregistered: false, grants: [] },
  { version: '1.8.0', oauth: true, preregistered: true, grants: ['client-credentials-basic'] },
]

describe.skipIf(Boolean(await commandProblem('go')))('go-sdk across its releases', () => {
  for (const { version, oauth, preregistered, grants } of VERSIONS)
    it(`v${version}: builds, a real session on both transports${oauth ? ', OAuth completed' : ', a 401 ends it (no OAuth yet)'}${grants.length ? ', client credentials by extauth' : ''}`, async () => {
      const found = findInstallable(`go-sdk@${version}`)!
      const client = await installedClient(found.client, found.version)
      expect(client.acceptsOAuthClientId).toBe(preregistered)
      expect(client.grants ?? []).toEqual(grants)
      for (const transport of ['streamable-http', 'sse'] as const) {
        const open = trialInput({ transport })
        const plain = await runTrial(client, open.config, open.scenario, { timeoutMs: 30_000 })
        expect(plain.outcome, `${transport}: ${JSON.stringify(plain.process)}`).toEqual({ kind: 'completed' })
        expect(judge(headersAlwaysSent, plain).verdict).toBe('held')
      }
      const challenged = trialInput({ transport: 'streamable-http', auth: 'oauth' })
      const trial = await runTrial(client, challenged.config, challenged.scenario, { timeoutMs: 30_000 })
      if (!oauth) {
        expect(trial.outcome.kind).toBe('client-error')
        expect(trial.exchanges.some((e) => /\/(register|authorize|token)$/.test(new URL(e.url).pathname))).toBe(false)
        return
      }
      expect(trial.outcome, JSON.stringify(trial.process)).toEqual({ kind: 'completed' })
      expect(judge(pkceS256, trial).verdict).toBe('held')
      if (grants.length === 0) return
      // Told client credentials: extauth.ClientCredentialsHandler, no browser, HTTP Basic as configured.
      const machine = trialInput({ transport: 'streamable-http', auth: 'oauth', grant: 'client-credentials-basic' })
      const granted = await runTrial(client, machine.config, machine.scenario, { timeoutMs: 30_000 })
      expect(granted.outcome, JSON.stringify(granted.process)).toEqual({ kind: 'completed' })
      expect(judge(clientCredentialsGrant, granted).verdict).toBe('held')
      expect(judge(clientAuthenticationAsConfigured, granted).verdict).toBe('held')
    }, 600_000)
})
