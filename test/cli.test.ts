import { describe, expect, it } from 'vitest'
import { cli } from './helpers/cli.js'

describe('mcp-auth-harness CLI', () => {
  it('fuzz with defaults tests the SDK clients over both transports and exits 0 when all hold', async () => {
    const { code, stdout } = await cli('fuzz', '--runs', '10', '--seed', '1')
    expect(code).toBe(0)
    for (const name of [
      'sdk-streamable',
      'sdk-sse',
      'sdk-streamable-no-oauth',
      'sdk-sse-no-oauth',
      'sdk2-streamable',
      'sdk2-sse',
    ]) {
      expect(stdout).toMatch(new RegExp(`^${name} +headers-always-sent +10( +\\d+){3} +held`, 'm'))
      expect(stdout).toMatch(new RegExp(`^${name} +no-discovery-without-challenge +10( +\\d+){3} +held`, 'm'))
    }
    expect(stdout).toMatch(/\d+ trials in [\d.]+ s, each judged by every property/)
    // The SDK's known bugs (expected-failures.json) are reported as such and do not fail the run.
    expect(stdout).toContain('~ expected failure: sdk-sse × bounded-auth-retries')
    expect(stdout).toMatch(/no unexpected violation, \d+ expected failure\(s\)/)
  })

  it('a faulty client: prints the shrunk counterexample, transcript and reproduce command, exits 1', async () => {
    const { code, stdout } = await cli(
      'fuzz',
      '--client',
      'faulty:drops-headers',
      '--property',
      'headers-always-sent',
      '--seed',
      '3',
      '--runs',
      '50',
    )
    expect(code).toBe(1)
    expect(stdout).toContain('✗ faulty:drops-headers violates headers-always-sent')
    expect(stdout).toMatch(/config: +\{"transport":/)
    expect(stdout).toMatch(/#1 POST http\S+ \(initialize\) → \d{3}  \[\S+: ABSENT\]/)
    expect(stdout).toMatch(/- request #1 POST \S+ lacked configured header/)
    const reproduce = /npx mcp-auth-harness (fuzz .*)$/m.exec(stdout)![1]!
    const args = reproduce.match(/"[^"]*"|\S+/g)!.map((arg) => arg.replace(/^"|"$/g, ''))
    const again = await cli(...args)
    expect(again.code).toBe(1)
    expect(again.stdout).toContain(/- request #1 .*$/m.exec(stdout)![0])
  })

  it('list shows clients, properties with their sources, and scenario dimensions', async () => {
    const { code, stdout } = await cli('list')
    expect(code).toBe(0)
    expect(stdout).toContain('faulty:no-headers-on-stream')
    // Every client name stands apart from its description, however long.
    expect(stdout).toMatch(/^  faulty:ignores-resource-metadata +SDK client/m)
    expect(stdout).toMatch(/no-discovery-without-challenge \[MUST\]\n.*\n +source: MCP 2025-03-26/)
    expect(stdout).toContain('Scenario dimensions:')
  })

  it('--help explains commands and shows examples', async () => {
    const top = await cli('--help')
    expect(top.code).toBe(0)
    expect(top.stdout).toContain('Exit codes: 0')
    const fuzzHelp = await cli('fuzz', '--help')
    expect(fuzzHelp.stdout).toContain('fuzz --client faulty:drops-headers')
    expect(fuzzHelp.stdout).toContain('replay a printed counterexample')
  })

  it.each([
    [['fuzz', '--client', 'nope'], /unknown client "nope"; known clients: sdk-streamable/],
    [['fuzz', '--runs', '0'], /--runs must be a positive whole number/],
    [['fuzz', '--property', 'nope'], /unknown property "nope"/],
    [['fuzz', '--path', 'x'], /--path must look like/],
    [['fuzz', '--bogus'], /Unknown argument: bogus/],
    // Report destinations are checked before the run, so a long run is never lost at its end.
    [['fuzz', '--junit', '/'], /--junit \/: cannot write there \(is a folder\)/],
    [
      ['fuzz', '--checks-dir', 'package.json/checks'],
      /--checks-dir package.json\/checks: cannot write there \(package.json is a file\)/,
    ],
    [['fuzz', '--found-dir', 'package.json'], /--found-dir package.json: cannot write there \(is a file\)/],
    [['fuzz', '--shard', '1/2'], /--shard needs --seed/],
    [['frobnicate'], /Unknown argument: frobnicate/],
    [[], /Name a command/],
  ])('usage error %j exits 2 with a clear message', async (args, message) => {
    const { code, stderr } = await cli(...args)
    expect(code).toBe(2)
    expect(stderr).toMatch(message)
  })
})
