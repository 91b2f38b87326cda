import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { trialInput } from './helpers/inputs.js'
import type { AgentCli } from '../src/clients/agents/agent-cli.js'
import { agentInstallable } from '../src/clients/agents/agent-client.js'
import { runTrial } from '../src/runner/run-trial.js'
import { tempDir } from './helpers/tmp.js'

// The outcome rule of agent presets, on stand-in programs (not clients under test): a CLI with a
// model has completed its session when it asked the model; one that ends first is a client error.
function standIn(script: string): { agent: AgentCli; dir: string } {
  const dir = tempDir()
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true })
  const bin = join(dir, 'node_modules', '.bin', 'stand-in')
  writeFileSync(bin, `#!${process.execPath}\n${script}\n`)
  chmodSync(bin, 0o755)
  const agent: AgentCli = {
    name: 'stand-in',
    packageName: 'stand-in',
    bin: 'stand-in',
    pinned: '1.0.0',
    what: () => 'a stand-in program',
    transports: ['streamable-http'],
    usesModel: true,
    acceptsOAuthClientId: () => false,
    prepare: async ({ home, modelApi }) => ({ args: [], env: { MODEL_API: modelApi!, SEEN_HOME: home } }),
  }
  return { agent, dir }
}

describe('agent presets: when is a session complete', () => {
  it('a CLI that asked the model (and then failed on its refusal) completed its session', async () => {
    const { agent, dir } = standIn(
      `if (process.env.HOME !== process.env.SEEN_HOME) process.exit(3)
       fetch(process.env.MODEL_API + '/v1/messages', { method: 'POST', body: '{}' }).then((r) => process.exit(r.status === 401 ? 1 : 4))`,
    )
    const client = agentInstallable(agent).client('1.0.0', dir)
    const { config, scenario } = trialInput()
    const trial = await runTrial(client, config, scenario, { timeoutMs: 10_000 })
    expect(trial.outcome).toEqual({ kind: 'completed' })
  })

  it('a CLI that ends before it asked the model is a client error with its last line', async () => {
    const { agent, dir } = standIn(`console.error('Invalid MCP configuration'); process.exit(1)`)
    const client = agentInstallable(agent).client('1.0.0', dir)
    const { config, scenario } = trialInput()
    const trial = await runTrial(client, config, scenario, { timeoutMs: 10_000 })
    expect(trial.outcome).toMatchObject({ kind: 'client-error' })
    expect(trial.outcome.kind === 'client-error' && trial.outcome.message).toMatch(
      /ended before it asked the model \(exit code 1\): Invalid MCP configuration/,
    )
  })
})

describe('versioned config formats', () => {
  // 1.0.108's .mcp.json schema drops `oauth.clientId` without a word: a config for it never carries
  // one, and no scenario assumes it was told one (the false client-registration blame of issue 13).
  it('claude-code writes oauth.clientId only for versions that read it', async () => {
    const { CLAUDE_CODE } = await import('../src/clients/agents/claude-code.js')
    expect(CLAUDE_CODE.acceptsOAuthClientId('1.0.108')).toBe(false)
    expect(CLAUDE_CODE.acceptsOAuthClientId('2.1.332')).toBe(true)
    const { readFileSync } = await import('node:fs')
    for (const [version, carries] of [
      ['1.0.108', false],
      ['2.1.332', true],
    ] as const) {
      const home = tempDir()
      const config = {
        transport: 'streamable-http' as const,
        url: 'http://127.0.0.1:1/mcp',
        headers: {},
        oauthClientId: 'pre-registered',
      }
      const launch = await CLAUDE_CODE.prepare({ config, version, home, modelApi: 'http://127.0.0.1:2' })
      const written = readFileSync(launch.args[launch.args.indexOf('--mcp-config') + 1]!, 'utf8')
      expect(written.includes('pre-registered')).toBe(carries)
    }
  })
})
