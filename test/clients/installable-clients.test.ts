import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { trialInput } from '../helpers/inputs.js'
import { headersAlwaysSent, pkceS256, pkceSupportChecked, tokenInAuthorizationHeader } from '../../properties/index.js'
import type { ClientUnderTest } from '../../src/clients/client-under-test.js'
import { findInstallable } from '../../src/clients/provision/installable-clients.js'
import { installedClient } from '../../src/clients/provision/provision.js'
import type { Transport } from '../../src/core/client-config.js'
import { judge } from '../../src/property/judge.js'
import { runTrial } from '../../src/runner/run-trial.js'
import { commandProblem } from '../../src/runtime/child-process.js'
import { CLI, run } from '../helpers/cli.js'

/** Each official SDK in another language: its transports, and which of them its adapter completes OAuth on. */
const SDKS: Array<{ name: string; toolchain: string; transports: Transport[]; oauthTransports: Transport[] }> = [
  {
    name: 'python-sdk',
    toolchain: 'python3',
    transports: ['streamable-http', 'sse'],
    oauthTransports: ['streamable-http', 'sse'],
  },
  { name: 'go-sdk', toolchain: 'go', transports: ['streamable-http', 'sse'], oauthTransports: ['streamable-http'] },
  { name: 'rust-sdk', toolchain: 'cargo', transports: ['streamable-http'], oauthTransports: ['streamable-http'] },
  { name: 'java-sdk', toolchain: 'mvn', transports: ['streamable-http', 'sse'], oauthTransports: [] },
]

async function provisioned(name: string): Promise<ClientUnderTest> {
  const found = findInstallable(name)!
  return installedClient(found.client, found.version)
}

for (const sdk of SDKS) {
  // A machine without the toolchain says so plainly and skips: the adapter cannot be proved there.
  const missing = await commandProblem(sdk.toolchain)
  if (missing) console.warn(`SKIPPED ${sdk.name}: ${missing}`)
  describe.skipIf(Boolean(missing))(`${sdk.name}: installed on first use, driven through its adapter`, () => {
    let client: ClientUnderTest
    // A first install builds the adapter (rust-sdk: ~2 min of cargo on 2 cores), so it has a budget of its own.
    beforeAll(async () => {
      client = await provisioned(sdk.name)
    }, 900_000)
    for (const transport of sdk.transports) {
      it(`${transport}: a real session with its configured headers${sdk.oauthTransports.includes(transport) ? ', and OAuth with the SDK’s own support' : ''}`, async () => {
        const open = trialInput({ transport })
        const plain = await runTrial(client, open.config, open.scenario, { timeoutMs: 20_000 })
        expect(plain.outcome, JSON.stringify(plain.process)).toEqual({ kind: 'completed' })
        expect(plain.exchanges.some((e) => e.requestBody?.includes('"tools/call"'))).toBe(true)
        expect(judge(headersAlwaysSent, plain).verdict).toBe('held')
        if (!sdk.oauthTransports.includes(transport)) return
        const oauth = trialInput({ transport, auth: 'oauth' })
        const authorized = await runTrial(client, oauth.config, oauth.scenario, { timeoutMs: 20_000 })
        expect(authorized.outcome, JSON.stringify(authorized.process)).toEqual({ kind: 'completed' })
        expect(judge(pkceS256, authorized).verdict).toBe('held')
        expect(judge(tokenInAuthorizationHeader, authorized).verdict).toBe('held')
      })
    }
  })
}

// Without its OAuth support (`NAME-no-oauth`), the same adapter meets an OAuth server as an app
// without OAuth does: the 401 ends the session, and no registration or authorization follows.
for (const sdk of SDKS.filter((s) => s.oauthTransports.length > 0)) {
  describe.skipIf(Boolean(await commandProblem(sdk.toolchain)))(`${sdk.name}-no-oauth`, () => {
    it('a 401 ends the session: no registration, no authorization request', async () => {
      const found = findInstallable(`${sdk.name}-no-oauth`)!
      expect(found.withoutOAuth).toBe(true)
      const client = await installedClient(found.client, found.version, { withoutOAuth: true })
      expect(client.name).toBe(`${sdk.name}-no-oauth`)
      const oauth = trialInput({ auth: 'oauth' })
      const trial = await runTrial(client, oauth.config, oauth.scenario, { timeoutMs: 20_000 })
      expect(trial.outcome.kind).toBe('client-error')
      expect(trial.exchanges.some((e) => e.status === 401)).toBe(true)
      expect(trial.exchanges.some((e) => /\/(register|authorize|token)(\?|$)/.test(new URL(e.url).pathname))).toBe(false)
    }, 900_000)
  })
}

describe.skipIf(Boolean(await commandProblem('python3')))('python-sdk findings (transcripts read)', () => {
  // The AS metadata has no code_challenge_methods_supported, and mcp 2.3.0 registers and goes on to
  // /authorize (MCP 2025-11-25 says it MUST NOT).
  it('mcp 2.3.0 authorizes although the AS metadata does not advertise PKCE support', async () => {
    const client = await provisioned('python-sdk')
    const absent = trialInput({ auth: 'oauth', 'oauth.pkce': 'absent' })
    const trial = await runTrial(client, absent.config, absent.scenario, { timeoutMs: 20_000 })
    expect(judge(pkceSupportChecked, trial).verdict).toBe('violated')
  })
})

describe('installing', () => {
  it('a missing toolchain is a clear input error (exit 2) naming what to install; an unknown name is exit 2', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'mah-cache-'))
    // Only node's own folder on the PATH: neither python3 nor go is found.
    const env = { ...process.env, XDG_CACHE_HOME: cache, PATH: dirname(process.execPath) }
    for (const [name, needs] of [
      ['python-sdk', /needs python3 on the PATH .*install Python 3\.10 or newer/],
      ['go-sdk', /needs go on the PATH .*install Go 1\.25 or newer/],
    ] as const) {
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [CLI, 'clients', 'install', name], { env })
        let stderr = ''
        child.stderr.on('data', (chunk) => (stderr += chunk))
        child.on('close', (code) => resolve({ code, stderr }))
      })
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(needs)
    }
    expect((await run(process.execPath, [CLI, 'clients', 'install', 'ruby-sdk'])).code).toBe(2)
    expect((await run(process.execPath, [CLI, 'clients', 'install', 'go-sdk@1.8;rm'])).code).toBe(2)
  })
})
