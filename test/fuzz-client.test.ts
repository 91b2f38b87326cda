import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fuzzClient, PropertyViolationError } from '../src/library/fuzz-client.js'
import { InputError } from '../src/core/errors.js'
import { dropsHeaders } from '../properties/headers-always-sent/witnesses.js'
import { tempDir } from './helpers/tmp.js'
import { baseInput } from '../src/dimensions/base-input.js'
import { DIMENSIONS } from '../src/dimensions/dimensions.js'

/** An API key against a server without auth: what a header-dropping client fails on. */
const input = baseInput(DIMENSIONS)

describe('fuzzClient follows the same policy as the CLI (runFuzz)', () => {
  // Failed before: the library only suppressed listed failures, so a fixed bug passed silently.
  it('an expected failure that no longer reproduces is STALE and rejects', async () => {
    const file = join(tempDir(), 'expected.json')
    const entry = { client: 'sdk-streamable-no-oauth', property: 'headers-always-sent', input, reason: 'was broken once' }
    writeFileSync(file, JSON.stringify({ failures: [entry] }))
    const running = fuzzClient({
      client: 'sdk-streamable-no-oauth',
      properties: ['headers-always-sent'],
      phases: ['random'],
      runs: 1,
      seed: 3,
      expectedFailures: file,
    })
    await expect(running).rejects.toBeInstanceOf(PropertyViolationError)
    await expect(running).rejects.toThrow(/STALE expected failure: sdk-streamable-no-oauth × headers-always-sent/)
  })

  it('a listed failure that still reproduces is not a failure', async () => {
    const file = join(tempDir(), 'expected.json')
    const entry = { client: 'faulty:drops-headers', property: 'headers-always-sent', input, reason: 'drops every header' }
    writeFileSync(file, JSON.stringify({ failures: [entry] }))
    const results = await fuzzClient({
      client: 'faulty:drops-headers',
      properties: ['headers-always-sent'],
      phases: ['random'],
      runs: 1,
      seed: 3,
      expectedFailures: file,
    })
    expect(results[0]!.property.id).toBe('headers-always-sent')
  })

  it('html: the run as the same page `fuzz --html` writes, written before it rejects', async () => {
    const page = join(tempDir(), 'report.html')
    await expect(
      fuzzClient({ client: 'faulty:drops-headers', properties: ['headers-always-sent'], phases: ['coverage'], html: page }),
    ).rejects.toBeInstanceOf(PropertyViolationError)
    const text = readFileSync(page, 'utf8')
    expect(text).toContain('id="finding-faulty-drops-headers-headers-always-sent"')
    expect(text).toMatch(/<svg class="sequence"/)
  })
})

describe('fuzzClient takes every client name the CLI takes (one resolution)', () => {
  it('a cmd: client by name, with its config format', async () => {
    const results = await fuzzClient({
      client: `cmd:${process.execPath} test/fixtures/config-file-client.mjs {config}`,
      configFormat: 'claude',
      properties: ['headers-always-sent'],
      phases: ['random'],
      runs: 3,
      seed: 5,
    })
    expect(results[0]!.verdict).toBe('held')
  })

  it('a name that is no client is an input error naming the known ones, as on the command line', async () => {
    const running = fuzzClient({ client: 'no-such-client', runs: 1 })
    await expect(running).rejects.toBeInstanceOf(InputError)
    await expect(running).rejects.toThrow(/unknown client "no-such-client"; known clients: sdk-streamable/)
    await expect(fuzzClient({ client: 'cmd:/nonexistent/binary {url}', runs: 1 })).rejects.toThrow(
      /cannot start the client command/,
    )
  })
})

describe('a client defined in a test gets a reproduce line that runs', () => {
  it('the error names the fuzzClient call (the CLI cannot name an object), and that call finds it again', async () => {
    const mine = { ...dropsHeaders, name: 'my-test-client' }
    const random = { client: mine, properties: ['headers-always-sent'], phases: ['random'] as const, runs: 30, seed: 4 }
    const error = (await fuzzClient(random).catch((e: unknown) => e)) as PropertyViolationError
    expect(error).toBeInstanceOf(PropertyViolationError)
    expect(error.message).not.toContain('npx mcp-auth-harness fuzz --client')
    const call =
      /await fuzzClient\(\{ client: \/\* your "my-test-client" \*\/, properties: \['headers-always-sent'\], seed: (\d+), path: "([\d:]+)" \}\)/.exec(
        error.message,
      )
    expect(call, error.message).not.toBeNull()
    const again = fuzzClient({ client: mine, properties: ['headers-always-sent'], seed: Number(call![1]), path: call![2]! })
    await expect(again).rejects.toBeInstanceOf(PropertyViolationError)
    await expect(fuzzClient({ client: mine, path: '1:2' })).rejects.toThrow(/give the seed too/)
  })
})
