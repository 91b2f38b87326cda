import { describe, expect, it } from 'vitest'
import { InputError } from '../src/core/errors.js'
import { fuzzClient, PropertyViolationError } from '../src/library/fuzz-client.js'
import { resolveClient } from '../src/resolve/resolve-client.js'

// One resolution: NAME[@VERSION] → the client, its shipped known failures, its capabilities. The
// CLI's --client, fuzzClient({ client }), bisect and matrix all go through it.
describe('resolveClient', () => {
  it('a bundled SDK client comes with its own entries of expected-failures.json and its capabilities', async () => {
    const { client, expectedFailures, capabilities } = await resolveClient('sdk-streamable')
    expect(client.name).toBe('sdk-streamable')
    expect(expectedFailures.length).toBeGreaterThan(0)
    expect(new Set(expectedFailures.map((entry) => entry.client))).toEqual(new Set(['sdk-streamable']))
    expect(capabilities.transports).toEqual(['streamable-http'])
  })

  it('a faulty reference client or a cmd: client has no shipped failures', async () => {
    expect((await resolveClient('faulty:drops-headers')).expectedFailures).toEqual([])
    const command = await resolveClient(`cmd:${process.execPath} test/fixtures/config-file-client.mjs {config}`)
    expect(command.expectedFailures).toEqual([])
    expect(command.capabilities.transports).toEqual(command.client.transports)
  })

  it('an unknown name is an InputError listing the known ones', async () => {
    const resolving = resolveClient('no-such-client')
    await expect(resolving).rejects.toBeInstanceOf(InputError)
    await expect(resolving).rejects.toThrow(/known clients: sdk-streamable/)
  })

  it('fuzzClient by name goes by the shipped failures, as fuzz --client does; expectedFailures: none lets them throw', async () => {
    // sdk-streamable's listed scope-step-up failure (a 403 insufficient_scope) is met in the coverage phase.
    const options = { client: 'sdk-streamable', properties: ['scope-step-up'], phases: ['coverage'] as const }
    const results = await fuzzClient(options)
    expect(results[0]!.verdict).toBe('violated')
    await expect(fuzzClient({ ...options, expectedFailures: 'none' })).rejects.toBeInstanceOf(PropertyViolationError)
  })
})
