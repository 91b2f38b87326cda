import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { headersAlwaysSent, pkceS256, pkceSupportChecked, tokenInAuthorizationHeader } from '../properties/index.js'
import { pythonSdkClient } from '../src/clients/provision/python-sdk.js'
import { baseInput, withValues } from '../src/dimensions/base-input.js'
import { DIMENSIONS } from '../src/dimensions/dimensions.js'
import { judge } from '../src/property/judge.js'
import { runTrial } from '../src/runner/run-trial.js'
import { resolveScenario } from '../src/scenario/resolve-scenario.js'
import { CLI, run } from './helpers/cli.js'

/** A trial input from dimension values (everything else at its base). */
function input(values: Record<string, unknown>) {
  const { config, plan } = withValues(baseInput(DIMENSIONS), DIMENSIONS, values)
  return { config, scenario: resolveScenario(config, plan) }
}

describe('python-sdk: the official Python SDK (mcp on PyPI), provisioned on first use, through its adapter', () => {
  it('runs the standard session with its configured headers, and completes OAuth with the SDK provider', async () => {
    const client = await pythonSdkClient('2.3.0')
    const open = input({})
    const plain = await runTrial(client, open.config, open.scenario, { timeoutMs: 15_000 })
    expect(plain.outcome, JSON.stringify(plain.process)).toEqual({ kind: 'completed' })
    expect(judge(headersAlwaysSent, plain).verdict).toBe('held')

    const oauth = input({ auth: 'oauth' })
    const authorized = await runTrial(client, oauth.config, oauth.scenario, { timeoutMs: 15_000 })
    expect(authorized.outcome, JSON.stringify(authorized.process)).toEqual({ kind: 'completed' })
    expect(judge(pkceS256, authorized).verdict).toBe('held')
    expect(judge(tokenInAuthorizationHeader, authorized).verdict).toBe('held')
  })

  // Confirmed by reading the transcript: the AS metadata has no code_challenge_methods_supported,
  // and mcp 2.3.0 registers and goes on to /authorize (MCP 2025-11-25 says it MUST NOT).
  it('mcp 2.3.0 authorizes although the AS metadata does not advertise PKCE support', async () => {
    const client = await pythonSdkClient('2.3.0')
    const absent = input({ auth: 'oauth', 'oauth.pkce': 'absent' })
    const trial = await runTrial(client, absent.config, absent.scenario, { timeoutMs: 15_000 })
    expect(judge(pkceSupportChecked, trial).verdict).toBe('violated')
  })

  it('a missing python3 is a clear input error (exit 2) naming what to install', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'mah-cache-'))
    const env = { ...process.env, XDG_CACHE_HOME: cache, PATH: dirname(process.execPath) }
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      import('node:child_process').then(({ spawn }) => {
        const child = spawn(process.execPath, [CLI, 'clients', 'install', 'python-sdk'], { env })
        let stderr = ''
        child.stderr.on('data', (chunk) => (stderr += chunk))
        child.on('close', (code) => resolve({ code, stderr }))
      })
    })
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/needs Python 3\.10 or newer as python3 on the PATH .*install it/)
    expect((await run(process.execPath, [CLI, 'clients', 'install', 'ruby-sdk'])).code).toBe(2)
  })
})
