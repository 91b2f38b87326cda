import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { CLI, cli, ROOT, run } from './helpers/cli.js'
import { tempDir } from './helpers/tmp.js'
import { fuzz } from '../src/runner/fuzz.js'
import { dropsHeaders } from '../properties/headers-always-sent/witnesses.js'
import { headersAlwaysSent } from '../properties/index.js'
import { buildRunReport, redactReportText } from '../src/report/run-report.js'
import { runReportJson } from '../src/report/write-reports.js'
import { junitXml } from '../src/report/junit-report.js'
import { conformanceChecks } from '../src/report/checks-report.js'
import { markdownSummary } from '../src/report/markdown-summary.js'

const dir = tempDir()

/** One run for every reporter: a faulty client (a violation) and an SDK client (held, expected failures). */
const fuzzRun = await cli(
  'fuzz',
  '--client',
  'faulty:drops-headers',
  '--client',
  'sdk-streamable',
  '--property',
  'headers-always-sent',
  '--property',
  'no-header-leak',
  '--property',
  'pkce-s256',
  '--seed',
  '5',
  '--runs',
  '60',
  '--json',
  '--junit',
  join(dir, 'junit.xml'),
  '--checks-dir',
  join(dir, 'checks'),
  '--summary',
  join(dir, 'summary.md'),
  '--found-dir',
  join(dir, 'found'),
)

describe('reporters', () => {
  it('--json prints one document that validates against schema/run-report.schema.json', () => {
    expect(fuzzRun.code).toBe(1)
    const report = JSON.parse(fuzzRun.stdout)
    const ajv = new Ajv2020({ strict: false })
    addFormats.default(ajv)
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schema/run-report.schema.json'), 'utf8')))
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true)
    expect(report.summary).toMatchObject({ pairs: 6, violated: 1 })
    const violated = report.results.find((r: { status: string }) => r.status === 'violated')
    expect(violated.client).toBe('faulty:drops-headers')
    expect(violated.counterexample.counterexample.reproduce).toContain('--phases coverage')
    expect(violated.savedAs).toContain(join(dir, 'found'))
    expect(report.results.some((r: { status: string }) => r.status === 'expected-failure')).toBe(true)
  })

  it('--json through a pipe arrives whole even when it is megabytes long (the process waits for stdout to drain)', async () => {
    const big = await cli('fuzz', '--phases', 'random', '--runs', '10', '--seed', '3', '--json', '--found-dir', 'none')
    expect(big.stdout.length).toBeGreaterThan(200_000)
    const report = JSON.parse(big.stdout)
    expect(report.summary.pairs).toBeGreaterThan(100)
    expect(report.exitCode).toBe(0)
  })

  it('a progress bar on a terminal (stderr redrawn in place), plain lines when piped', async () => {
    const args = [
      'fuzz',
      '--client',
      'sdk-streamable',
      '--property',
      'headers-always-sent',
      '--property',
      'pkce-s256',
      // Random trials only: the progress shown is per pair, whatever the phase (and this is 3 runs).
      '--phases',
      'random',
      '--runs',
      '30',
      '--seed',
      '1',
    ]
    const piped = await cli(...args)
    expect(piped.stderr).not.toContain('\r[')
    expect(piped.stdout).toMatch(/^pkce-s256 +MUST +✓\d+/m)
    // --verbose streams the full table row by row.
    expect((await cli(...args, '--verbose')).stdout).toMatch(/^sdk-streamable +pkce-s256 /m)
    // `script` (util-linux) gives the command a pseudo-terminal.
    const command = [process.execPath, CLI, ...args].join(' ')
    const terminal = await run('script', ['-qec', command, '/dev/null'])
    expect(terminal.stdout).toMatch(/\r\[#+\.*\] 1\/2 sdk-streamable × headers-always-sent/)
  })

  it('--junit writes XML a JUnit parser accepts: a testcase per client × property, the counterexample in the failure', () => {
    const text = readFileSync(join(dir, 'junit.xml'), 'utf8')
    expect(XMLValidator.validate(text)).toBe(true)
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(text)
    const suites = [doc.testsuites.testsuite].flat()
    expect(suites.map((s: { name: string }) => s.name)).toEqual(['faulty:drops-headers', 'sdk-streamable'])
    const cases = suites.flatMap((s: { testcase: unknown }) => [s.testcase].flat()) as Array<Record<string, any>>
    expect(cases).toHaveLength(6)
    const failed = cases.filter((c) => c.failure)
    expect(failed).toHaveLength(1)
    expect(failed[0]!.name).toBe('headers-always-sent [EXPECTED]')
    expect(failed[0]!.failure['#text']).toContain('lacked configured header X-API-Key')
    expect(failed[0]!.failure['#text']).toContain('curl -sS -X POST')
    expect(doc.testsuites.failures).toBe('1')
  })

  it('--checks-dir writes conformance-shaped checks.json per client', () => {
    expect(readdirSync(join(dir, 'checks')).sort()).toEqual(['faulty_drops-headers', 'sdk-streamable'])
    const checks = JSON.parse(readFileSync(join(dir, 'checks', 'faulty_drops-headers', 'checks.json'), 'utf8'))
    const failing = checks.find((c: { id: string }) => c.id === 'headers-always-sent')
    expect(failing).toMatchObject({ name: 'headers-always-sent', status: 'FAILURE' })
    expect(failing.errorMessage).toContain('lacked configured header')
    // A user expectation links the public reports it rests on.
    expect(failing.specReferences).toContainEqual({
      id: 'user expectation: anthropics/claude-code#7290',
      url: 'https://github.com/anthropics/claude-code/issues/7290',
    })
    for (const check of checks) {
      expect(Object.keys(check)).toEqual(expect.arrayContaining(['id', 'status', 'specReferences', 'details', 'timestamp']))
      expect(['SUCCESS', 'FAILURE', 'WARNING', 'SKIPPED', 'INFO']).toContain(check.status)
    }
    const leak = JSON.parse(readFileSync(join(dir, 'checks', 'sdk-streamable', 'checks.json'), 'utf8')).find(
      (c: { id: string }) => c.id === 'no-header-leak',
    )
    expect(leak.specReferences[0].url).toMatch(
      /^https:\/\/modelcontextprotocol\.io\/specification\/2025-\d\d-\d\d\/basic\/authorization$/,
    )
  })

  it('--summary appends Markdown with a Mermaid sequence diagram, the offending request highlighted', () => {
    const text = readFileSync(join(dir, 'summary.md'), 'utf8')
    expect(text).toContain('## mcp-auth-harness fuzz: ❌ 1 violated')
    const diagram = /```mermaid\n([\s\S]*?)```/.exec(text)![1]!
    expect(diagram).toMatch(/^sequenceDiagram\n  participant C as Client\n  participant M as MCP server/)
    expect(diagram).toMatch(/rect rgb\(255, 214, 214\)\n  C->>M: #35;1 POST \/mcp \(initialize\)/)
    expect(diagram).toContain('Note over C,M: ✗ request #35;1 POST http://mcp.test/mcp lacked configured header X-API-Key')
  })

  it('no configured secret reaches the JSON, JUnit, checks or Markdown of a run', async () => {
    const results = await fuzz({ clients: [dropsHeaders], properties: [headersAlwaysSent], runs: 50, seed: 5, timeoutMs: 5000 })
    const secrets = Object.values(results[0]!.counterexample!.trial.config.headers)
    expect(secrets.length).toBeGreaterThan(0)
    const facts = {
      results,
      expectations: new Map(),
      seed: 5,
      runs: 50,
      timeoutMs: 5000,
      trials: 1,
      startedAt: 'now',
      durationMs: 1,
      flags: [],
    }
    const { report, redactors } = buildRunReport(facts)
    const texts = [
      runReportJson(report, redactors),
      redactReportText(junitXml(report), redactors, 'junit'),
      redactReportText(JSON.stringify([...conformanceChecks(report).values()]), redactors, 'checks'),
      redactReportText(markdownSummary(report), redactors, 'summary'),
    ]
    for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret.replace(/^Bearer /, ''))
  })
})
