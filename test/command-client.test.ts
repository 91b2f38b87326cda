import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { headersAlwaysSent } from '../properties/index.js'
import { commandArgs, commandClient } from '../src/clients/command-client.js'
import { claudeFormat } from '../src/config/formats/claude-format.js'
import { fuzz } from '../src/runner/fuzz.js'
import { coverageInputs } from '../src/coverage/coverage-inputs.js'
import { runTrial } from '../src/runner/run-trial.js'
import { splitCommandLine } from '../src/runtime/child-process.js'
import { cli } from './helpers/cli.js'
import { config, scenario } from './helpers/trials.js'

const NODE = process.execPath
const GOOD = `${NODE} test/fixtures/config-file-client.mjs {config}`

describe('command clients (cmd:)', () => {
  it('fills placeholders, sets MCP_* variables, writes the config in the client format with mode 0600, and removes it', async () => {
    const client = commandClient(
      `${NODE} test/fixtures/print-invocation.mjs --url={url} {transport} {headers-json}`,
      claudeFormat,
    )
    const trial = await runTrial(client, config({ headers: { 'X-API-Key': 'k1' } }), scenario(), { timeoutMs: 10_000 })
    expect(trial.outcome).toEqual({ kind: 'completed' })
    const printed = JSON.parse(trial.process!.stdoutTail)
    expect(printed.args).toEqual([`--url=${trial.config.url}`, 'streamable-http', '{"X-API-Key":"k1"}'])
    expect(trial.config.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/)
    expect(printed.env).toMatchObject({
      MCP_URL: trial.config.url,
      MCP_TRANSPORT: 'streamable-http',
      MCP_HEADERS: '{"X-API-Key":"k1"}',
    })
    expect(printed.mode).toBe('600')
    expect(JSON.parse(printed.text)).toEqual({
      mcpServers: { harness: { type: 'http', url: trial.config.url, headers: { 'X-API-Key': 'k1' } } },
    })
    expect(existsSync(printed.env.MCP_CONFIG)).toBe(false)
    expect(printed.env.MCP_TRIAL_DIR).toBeTruthy()
    expect(printed.env.MCP_BROWSER).toMatch(/browser\.sh$/)
    expect(existsSync(printed.env.MCP_TRIAL_DIR)).toBe(false)
  })

  it('with no placeholder the URL is the last argument (the conformance suite contract)', () => {
    expect(commandArgs(['client.py', '--verbose'], { url: 'http://127.0.0.1:1/mcp' })).toEqual([
      'client.py',
      '--verbose',
      'http://127.0.0.1:1/mcp',
    ])
    expect(splitCommandLine(`python "my client.py" --name='a b' x\\ y`)).toEqual(['python', 'my client.py', '--name=a b', 'x y'])
  })

  it('a client that follows its config holds; one that ignores it is caught, with its process report', async () => {
    const [good] = await fuzz({
      clients: [commandClient(GOOD, claudeFormat)],
      properties: [headersAlwaysSent],
      // The random phase alone: ~160 coverage inputs would each start a process, and what this
      // shows (a sound command client holds) needs a few sessions, not the whole phase.
      phases: ['random'],
      runs: 12,
      seed: 21,
      timeoutMs: 10_000,
      concurrency: 3,
    })
    expect(good!.verdict).toBe('held')
    const [bad] = await fuzz({
      clients: [commandClient(`${GOOD} --ignore-headers`, claudeFormat)],
      properties: [headersAlwaysSent],
      runs: 20,
      seed: 21,
      timeoutMs: 10_000,
      concurrency: 3,
      shrink: false,
    })
    expect(bad!.verdict).toBe('violated')
    expect(bad!.counterexample!.violations[0]!.message).toMatch(/lacked configured header/)
    expect(bad!.counterexample!.trial.process).toMatchObject({ exitCode: expect.any(Number) })
  })

  it('a hanging command is killed with its process group at the timeout and reported with its partial traffic', async () => {
    const trial = await runTrial(commandClient(`${GOOD} --hang`, claudeFormat), config(), scenario(), { timeoutMs: 1500 })
    expect(trial.outcome).toEqual({ kind: 'timeout', afterMs: 1500 })
    expect(trial.process?.signal).toBe('SIGKILL')
    expect(trial.exchanges.map((e) => e.method)).toContain('POST')
  })

  it('a command that cannot start is a client error, not a harness failure', async () => {
    const trial = await runTrial(commandClient('no-such-binary-here {url}', claudeFormat), config(), scenario(), {
      timeoutMs: 5000,
    })
    expect(trial.outcome.kind).toBe('client-error')
    expect(trial.process?.exitCode).toBe(127)
  })

  for (const [flag, request] of [
    ['--headers-first-request-only', 'POST'],
    ['--no-headers-on-get', 'GET'],
  ] as const)
    it(`a subtle header bug (${flag}) is caught by the coverage phase on any seed, within a few trials`, async () => {
      for (const seed of ['1', '2']) {
        const { code, stdout } = await cli(
          'fuzz',
          '--client',
          `cmd:${GOOD} ${flag}`,
          '--property',
          'headers-always-sent',
          '--runs',
          '10',
          '--seed',
          seed,
          '--no-shrink',
          '--found-dir',
          'none',
        )
        expect(code, stdout).toBe(1)
        expect(stdout).toMatch(new RegExp(`request #\\d+ ${request} \\S+ lacked configured header`))
        // The most telling inputs come first: within the first 20 (a client's coverage phase has ~200).
        expect(Number(/found by coverage input #(\d+) /.exec(stdout)?.[1])).toBeLessThan(20)
      }
    })

  it('the CLI: cmd: with --config-format, exit 1 and a reproduce command that names the format', async () => {
    const { code, stdout } = await cli(
      'fuzz',
      '--client',
      `cmd:${GOOD} --ignore-headers`,
      '--property',
      'headers-always-sent',
      '--runs',
      '10',
      '--seed',
      '4',
      '--concurrency',
      '2',
      '--verbose',
    )
    expect(code).toBe(1)
    expect(stdout).toMatch(/process: +\S+ test\/fixtures\/config-file-client\.mjs \S+\.mcp\.json --ignore-headers/)
    expect(stdout).toContain(`--client 'cmd:${GOOD} --ignore-headers'`)
  })
})

describe('cmd: clients are told only what their program reads', () => {
  it('no pre-registered client id unless --client-reads oauth-client-id says the program reads one', () => {
    const plain = commandClient(GOOD, claudeFormat)
    expect(plain.acceptsOAuthClientId).toBe(false)
    expect(coverageInputs(plain).some(({ input }) => input.config.oauthClientId !== undefined)).toBe(false)
    const reads = commandClient(GOOD, claudeFormat, { reads: ['oauth-client-id'] })
    expect(reads.acceptsOAuthClientId).toBe(true)
    expect(coverageInputs(reads).some(({ input }) => input.config.oauthClientId !== undefined)).toBe(true)
  })
})
