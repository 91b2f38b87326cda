import { describe, expect, it } from 'vitest'
import { PROPERTIES } from '../properties/index.js'
import { clientByName } from '../src/resolve/known-clients.js'
import { fuzz, type FuzzStats } from '../src/runner/fuzz.js'
import { cli } from './helpers/cli.js'

describe('--fail-fast', () => {
  it('stops a client at its first unexpected violation: that property alone, shrunk; the others not judged', async () => {
    const stats: FuzzStats = { trials: 0 }
    const results = await fuzz({
      clients: [clientByName('faulty:no-protocol-version')],
      properties: PROPERTIES,
      runs: 5,
      seed: 7,
      timeoutMs: 5000,
      failFast: true,
      // What the SDK under it already breaks is known: the fault is the faulty client's own.
      known: (_client, property) => property !== 'protocol-version-header',
      stats,
    })
    expect(results.map((r) => [r.property.id, r.verdict])).toEqual([['protocol-version-header', 'violated']])
    expect(results[0]!.counterexample!.phase).toBe('coverage')
    expect(stats.stoppedEarly).toEqual({
      'faulty:no-protocol-version': { property: 'protocol-version-header', notJudged: PROPERTIES.length - 1 },
    })
    // Far fewer sessions than the whole coverage phase (about 200).
    expect(stats.trials).toBeLessThan(40)
  })

  it('a client with nothing unexpected is judged by every property as without it', async () => {
    const properties = PROPERTIES.filter((p) => ['headers-always-sent', 'session-id-echoed'].includes(p.id))
    const results = await fuzz({
      clients: [clientByName('sdk-streamable')],
      properties,
      runs: 3,
      seed: 7,
      timeoutMs: 5000,
      failFast: true,
    })
    expect(results.map((r) => r.verdict)).toEqual(['held', 'held'])
  })

  it('the CLI says which client stopped where, and fails the run', async () => {
    const ran = await cli('fuzz', '--client', 'faulty:drops-headers', '--fail-fast', '--runs', '5', '--found-dir', 'none')
    expect(ran.code).toBe(1)
    expect(ran.stdout).toMatch(
      /--fail-fast: faulty:drops-headers stopped at its first unexpected violation \([a-z-]+\); \d+ of its properties not judged/,
    )
  })
})
