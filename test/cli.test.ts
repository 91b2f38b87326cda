import { describe, expect, it } from 'vitest'
import { cli, ROOT } from './helpers/cli.js'
import { PROPERTIES } from '../properties/index.js'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from './helpers/tmp.js'

describe('mcp-auth-harness CLI', () => {
  it('fuzz with defaults tests the SDK clients over both transports and exits 0 when all hold', async () => {
    const { code, stdout } = await cli('fuzz', '--runs', '10', '--seed', '1')
    expect(code).toBe(0)
    // One matrix that fits a screen: a column per client, a row per property.
    // 53 property rows, the client legend and header, the legend line, a line per finding: 79 lines on 2026-12-08.
    expect(stdout.trimEnd().split('\n').length).toBeLessThanOrEqual(82)
    expect(stdout).toMatch(
      /^clients: 1 sdk-streamable {2}2 sdk-sse {2}3 sdk-streamable-no-oauth {2}4 sdk-sse-no-oauth {2}5 sdk2-streamable {2}6 sdk2-sse/m,
    )
    expect(stdout).toMatch(/^headers-always-sent +EXPECTED( +✓\d+){7}$/m)
    expect(stdout).toMatch(/^no-discovery-without-challenge +MUST( +✓\d+){7}$/m)
    expect(stdout).toMatch(
      /coverage phase \(\d+(\/\d+)* inputs per client, the same every run\), then 10 random trials per client \(seed 1\)/,
    )
    expect(stdout).toMatch(
      /\d+ trials \(coverage \d+, random \d+; sessions \d+ completed, \d+ client error, \d+ timeout\) in [\d.]+ s, each judged by every property/,
    )
    // The SDK's known bugs (expected-failures.json) are reported as such, a line per property, and do not fail the run.
    expect(stdout).toMatch(/^~ bounded-auth-retries \[SHOULD\] × .*\bsdk-sse\b/m)
    expect(stdout).toMatch(/no unexpected violation, \d+ expected failure\(s\)/)
  })

  it('fuzz --verbose prints the full table and explains each expected failure', async () => {
    // Random trials only: a listed failure not drawn is replayed from its input and explained all the same.
    const { code, stdout } = await cli(
      'fuzz',
      '--client',
      'sdk-sse',
      '--phases',
      'random',
      '--runs',
      '20',
      '--seed',
      '1',
      '--verbose',
    )
    expect(code).toBe(0)
    expect(stdout).toMatch(/^sdk-sse +headers-always-sent +\d+( +\d+){3} +held/m)
    expect(stdout).toContain('~ expected failure: sdk-sse × bounded-auth-retries')
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
      '--verbose',
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
    expect(again.stdout).toContain(/- (request #1 .*)$/m.exec(stdout)![1])
  })

  it('list shows clients, properties with their sources, and scenario dimensions', async () => {
    const { code, stdout } = await cli('list')
    expect(code).toBe(0)
    expect(stdout).toContain('faulty:no-headers-on-stream')
    // Every client name stands apart from its description, however long.
    expect(stdout).toMatch(/^  faulty:ignores-resource-metadata +SDK client/m)
    expect(stdout).toMatch(/no-discovery-without-challenge \[MUST\]\n.*\n +source: MCP 2025-03-26/)
    expect(stdout).toContain('Scenario dimensions')
    expect(stdout).toMatch(/^ {2}oauth\.pkce +S256\*, plain-only, absent \(when auth is oauth\)$/m)
  })

  it("the docs' property table is `list --markdown`, row for row (one row per property folder)", async () => {
    const { code, stdout } = await cli('list', '--markdown')
    expect(code).toBe(0)
    expect(stdout.trim().split('\n')).toHaveLength(PROPERTIES.length + 2)
    const page = readFileSync(join(ROOT, 'docs/properties.md'), 'utf8')
    const table = /<!-- generated: list --markdown -->\n([\s\S]*?)\n<!-- \/generated -->/.exec(page)?.[1]
    expect(table, 'docs/properties.md has the generated table: npm run build writes it').toBe(stdout.trim())
  })

  it('list --dimensions --json prints the dimension table as data', async () => {
    const { code, stdout } = await cli('list', '--dimensions', '--json')
    expect(code).toBe(0)
    const { dimensions } = JSON.parse(stdout)
    const auth = dimensions.find((d: { name: string }) => d.name === 'auth')
    expect(auth).toMatchObject({ part: 'server', values: ['none', 'static-header', 'oauth'], base: 'none' })
    expect(dimensions.find((d: { name: string }) => d.name === 'sessions').appliesWhen).toEqual({
      dimension: 'transport',
      values: ['streamable-http'],
    })
    expect((await cli('list', '--json')).code).toBe(2)
  })

  it('the default output is one line per finding; a coverage find reproduces with --phases coverage', async () => {
    const { code, stdout } = await cli('fuzz', '--client', 'faulty:drops-headers', '--property', 'headers-always-sent')
    expect(code).toBe(1)
    expect(stdout).toMatch(
      /^✗ faulty:drops-headers × headers-always-sent \[EXPECTED\]: request #1 POST \S+ lacked configured header X-API-Key$/m,
    )
    expect(stdout).toMatch(/found by coverage input #\d+ \(.+\)/)
    expect(stdout).toMatch(
      /reproduce: npx mcp-auth-harness fuzz --client faulty:drops-headers --property headers-always-sent --phases coverage/,
    )
  })

  it('expected failures replay from their input: still failing is expected, passing is STALE (exit 1), no input nor seed is exit 2', async () => {
    const dir = tempDir()
    const input = {
      config: { transport: 'streamable-http', url: 'http://mcp.test/mcp', headers: { 'X-API-Key': 'test-key-12345' } },
      plan: {
        endpoint: 'at-configured-url',
        protocolVersions: ['2025-11-25'],
        responseMode: 'json',
        getStream: 'sse',
        sessions: true,
        deleteAllowed: true,
        legacyEndpoint: 'relative',
        tools: true,
        auth: { kind: 'none' },
        moved: false,
        notFound: '404-json',
      },
    }
    const file = join(dir, 'expected.json')
    const write = (failures: unknown[]) => writeFileSync(file, JSON.stringify({ failures }))
    const run = (client: string) =>
      cli(
        'fuzz',
        '--client',
        client,
        '--property',
        'headers-always-sent',
        '--phases',
        'random',
        '--runs',
        '1',
        '--seed',
        '3',
        '--expected-failures',
        file,
      )
    write([{ client: 'faulty:drops-headers', property: 'headers-always-sent', input, reason: 'drops every header' }])
    const known = await run('faulty:drops-headers')
    expect(known.code).toBe(0)
    write([{ client: 'sdk-streamable-no-oauth', property: 'headers-always-sent', input, reason: 'was broken once' }])
    const stale = await run('sdk-streamable-no-oauth')
    expect(stale.code).toBe(1)
    expect(stale.stdout).toMatch(/^! STALE sdk-streamable-no-oauth × headers-always-sent/m)
    // Keyed by version: fixed in a release the entry does not name is news, not a failure.
    write([
      { client: 'sdk-streamable-no-oauth', property: 'headers-always-sent', versions: '<1.0.0', input, reason: 'was broken' },
    ])
    const fixed = await run('sdk-streamable-no-oauth')
    expect(fixed.code).toBe(0)
    expect(fixed.stdout).toMatch(/^✓ sdk-streamable-no-oauth × headers-always-sent \[\w+\]: no longer fails in 1\.32\.2/m)
    write([{ client: 'sdk-streamable-no-oauth', property: 'headers-always-sent', reason: 'no way to reproduce' }])
    const bad = await run('sdk-streamable-no-oauth')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('an entry needs its "input" (config and plan), or a "seed" and "path"')
  })

  it('--min-exercised fails a run that judged a property too rarely, and --phases is checked', async () => {
    // Random trials only where the coverage phase is not the point (each run is a process of its own).
    const args = [
      'fuzz',
      '--client',
      'sdk-sse-no-oauth',
      '--property',
      'session-id-echoed',
      '--runs',
      '5',
      '--seed',
      '1',
      '--phases',
      'random',
    ]
    // No false green: a run that judged nothing fails.
    const nothing = await cli(...args)
    expect(nothing.code).toBe(1)
    expect(nothing.stdout).toMatch(/^✗ nothing was judged: /m)
    const plain = await cli(...args, '--property', 'headers-always-sent')
    expect(plain.code).toBe(0)
    expect(plain.stdout).toMatch(/5 trials \(coverage 0, random 5; /)
    const strict = await cli(...args, '--property', 'headers-always-sent', '--min-exercised', '1')
    expect(strict.code).toBe(1)
    expect(strict.stdout).toMatch(/^✗ --min-exercised 1: sdk-sse-no-oauth × session-id-echoed was exercised by 0 of \d+ trials$/m)
    const held = await cli(
      'fuzz',
      '--client',
      'sdk-streamable-no-oauth',
      '--property',
      'headers-always-sent',
      '--phases',
      'random',
      '--runs',
      '30',
      '--min-exercised',
      '5',
    )
    expect(held.code).toBe(0)
    expect((await cli(...args.slice(0, -2), '--phases', 'coverage,shuffle')).code).toBe(2)
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
    [['fuzz', '--path', 'x'], /--path "x": it must look like/],
    [['fuzz', '--bogus'], /Unknown argument: bogus/],
    // Report destinations are checked before the run, so a long run is never lost at its end.
    [['fuzz', '--junit', '/'], /--junit \/: cannot write there \(is a folder\)/],
    [
      ['fuzz', '--checks-dir', 'package.json/checks'],
      /--checks-dir package.json\/checks: cannot write there \(.*package.json is a file\)/,
    ],
    [['fuzz', '--found-dir', 'package.json'], /--found-dir package.json: cannot write there \(is a file\)/],
    [['fuzz', '--shard', '1/2'], /--shard needs --seed/],
    // yargs reads a boolean given another word as false: a typo would turn the option off in silence.
    [['fuzz', '--fail-fast=maybe'], /--fail-fast is on or off: give it alone, or =true or =false \(not "maybe"\)/],
    // A release the harness cannot drive is refused before any install, by every command.
    [
      ['fuzz', '--client', 'mcp-remote@0.1.1'],
      /^mcp-auth-harness: mcp-remote 0\.1\.1: the harness runs mcp-remote from 0\.5\.0 on/,
    ],
    [['fuzz', '--client', 'gemini-cli@0.1.9'], /gemini-cli 0\.1\.9: the harness runs gemini-cli from 0\.19\.4 on/],
    [['clients', 'install', 'go-sdk@1.0.0'], /go-sdk 1\.0\.0: the harness runs go-sdk from 1\.1\.0 on/],
    [
      ['replay', 'recordings/claude-code-7290-http.json', '--client', 'ts-sdk@1.0.0'],
      /ts-sdk 1\.0\.0: the harness runs ts-sdk from 1\.4\.0 on/,
    ],
    [['frobnicate'], /Unknown argument: frobnicate/],
    [[], /Name a command/],
  ])('usage error %j exits 2 with a clear message', async (args, message) => {
    const { code, stderr } = await cli(...args)
    expect(code).toBe(2)
    expect(stderr).toMatch(message)
  })
})
