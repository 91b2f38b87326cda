import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from './helpers/cli.js'
import { tempDir } from './helpers/tmp.js'
import { loadRecording } from '../src/recording/load-recording.js'
import { replayCounterexample } from '../src/runner/replay-counterexample.js'
import { dropsHeaders } from '../properties/headers-always-sent/witnesses.js'
import { clientByName } from '../src/resolve/known-clients.js'
import type { ClientUnderTest } from '../src/clients/client-under-test.js'
import { headersAlwaysSent } from '../properties/index.js'

const dir = tempDir()
const found = join(dir, 'found')
const fuzzRun = await cli(
  'fuzz',
  '--client',
  'faulty:drops-headers',
  '--property',
  'headers-always-sent',
  '--seed',
  '8',
  '--runs',
  '50',
  '--found-dir',
  found,
)
const file = join(
  found,
  readdirSync(found).find((f) => f.endsWith('.json'))!,
)

describe('counterexample files', () => {
  it('fuzz saves each violation as a recording with property, phase, its concrete input, reproduce command and curl transcript', () => {
    expect(fuzzRun.code).toBe(1)
    expect(fuzzRun.stdout).toContain(`saved: ${file}`)
    const saved = JSON.parse(readFileSync(file, 'utf8'))
    expect(saved.metadata.source).toBe('fuzz')
    expect(saved.counterexample).toMatchObject({
      client: 'faulty:drops-headers',
      property: 'headers-always-sent',
      phase: 'coverage',
      // What the input was before shrinking: the first of the most telling inputs that shows it.
      label: expect.any(String),
    })
    // The input is the config and plan themselves, redacted like the config.
    expect(saved.counterexample.input.config).toEqual(saved.config)
    expect(saved.counterexample.input.plan.auth).toEqual({ kind: 'none' })
    expect(saved.counterexample.reproduce).toBe(
      `npx mcp-auth-harness fuzz --client faulty:drops-headers --property headers-always-sent --phases coverage --timeout 5000`,
    )
    expect(saved.counterexample.curl[0]).toMatch(/^curl -sS -X POST http:\/\/\S+ /)
    for (const value of Object.values(saved.config.headers)) expect(value).toMatch(/<redacted:/)
    const script = readFileSync(file.replace(/\.json$/, '.curl.sh'), 'utf8')
    expect(script).toMatch(/^#!\/bin\/sh\n# faulty:drops-headers violates headers-always-sent/)
  })

  it('replay: STILL FAILING against the faulty client, FIXED against the SDK client', async () => {
    const still = await cli('replay', file)
    expect(still.code, still.stdout + still.stderr).toBe(1)
    expect(still.stdout).toMatch(/run 3: VIOLATED/)
    expect(still.stdout).toContain('STILL FAILING: headers-always-sent violated in every replay')
    const fixed = await cli('replay', file, '--client', 'sdk-streamable')
    expect(fixed.code, fixed.stdout + fixed.stderr).toBe(0)
    expect(fixed.stdout).toContain('FIXED: headers-always-sent held in 3 consecutive replays')
  })

  it('a counterexample whose input is damaged is an input error naming the file and field', async () => {
    const saved = JSON.parse(readFileSync(file, 'utf8'))
    saved.counterexample.input.plan.auth = { kind: 'carrier-pigeon' }
    const broken = join(dir, 'broken-input.json')
    writeFileSync(broken, JSON.stringify(saved))
    const result = await cli('replay', broken)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`${broken}: $.counterexample.input.plan.auth.kind`)
  })

  it('a counterexample from before inputs replays its scenario; a damaged scenario is an input error', async () => {
    const saved = JSON.parse(readFileSync(file, 'utf8'))
    delete saved.counterexample.input
    const old = join(dir, 'old.json')
    writeFileSync(old, JSON.stringify(saved))
    expect((await cli('replay', old)).stdout).toContain('STILL FAILING')
    saved.counterexample.scenario.transport = 'carrier-pigeon'
    const broken = join(dir, 'broken.json')
    writeFileSync(broken, JSON.stringify(saved))
    const result = await cli('replay', broken)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`${broken}: $.counterexample.scenario.transport: expected "streamable-http" or "sse"`)
  })

  it('a client that fails only sometimes is FLAKY', async () => {
    const recording = await loadRecording(file)
    let round = 0
    const sometimes: ClientUnderTest = {
      ...dropsHeaders,
      name: 'sometimes-drops-headers',
      run: (config, context) => (round++ % 2 === 0 ? dropsHeaders : clientByName('sdk-streamable')).run(config, context),
    }
    const { verdict, runs } = await replayCounterexample(recording, file, sometimes, headersAlwaysSent, { timeoutMs: 5000 })
    expect(runs.map((r) => r.violations.length > 0)).toEqual([true, false, true])
    expect(verdict).toBe('FLAKY')
  })
})

describe('report FILE --issue', () => {
  it('turns a saved counterexample into an upstream bug report: title, client and version, rule with spec references, marked transcript, curl, reproduce', async () => {
    const { code, stdout } = await cli('report', file, '--issue')
    expect(code).toBe(0)
    const saved = JSON.parse(readFileSync(file, 'utf8'))
    expect(stdout).toMatch(/^# faulty:drops-headers: .*lacked configured header .* \(user expectation, headers-always-sent\)/)
    expect(stdout).toContain(`**Client:** faulty:drops-headers (${saved.counterexample.clientDescription})`)
    expect(stdout).toMatch(/## The rule \(user expectation\)/)
    expect(stdout).toMatch(
      /https:\/\/modelcontextprotocol\.io\/specification\/\d{4}-\d{2}-\d{2}\/basic\/transports|user expectation/i,
    )
    expect(stdout).toMatch(/^✗ #\d+ /m)
    expect(stdout).toContain('# ✗ request #')
    expect(stdout).toContain(saved.counterexample.reproduce)
    expect(stdout).toContain(`npx mcp-auth-harness replay ${file}`)
  })

  it('a secret written into a file by hand is redacted in the report all the same', async () => {
    const saved = JSON.parse(readFileSync(file, 'utf8'))
    const header = Object.keys(saved.config.headers)[0]!
    const live = 'live-secret-value-8121'
    const raw = JSON.stringify(saved).replaceAll(saved.config.headers[header], live)
    const tampered = join(dir, 'tampered.json')
    writeFileSync(tampered, raw)
    const { code, stdout } = await cli('report', tampered, '--issue')
    expect(code).toBe(0)
    expect(stdout).not.toContain(live)
  })

  it('a recording that is not a counterexample, or no format flag, is exit 2 with what to do', async () => {
    const plain = await cli('report', 'recordings/claude-code-7290-http.json', '--issue')
    expect(plain.code).toBe(2)
    expect(plain.stderr).toMatch(/not a counterexample.*check recordings\/claude-code-7290-http\.json/)
    expect((await cli('report', file)).code).toBe(2)
  })
})
