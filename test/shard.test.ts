import { describe, expect, it } from 'vitest'
import { headersAlwaysSent, noDiscoveryWithoutChallenge } from '../properties/index.js'
import { dropsHeaders } from '../src/clients/faulty/drops-headers.js'
import { SDK_CLIENTS } from '../src/clients/sdk-clients.js'
import { fuzz } from '../src/runner/fuzz.js'
import { cli } from './helpers/cli.js'

describe('--shard i/n: the same seed, disjoint trials that add up to the whole run', () => {
  it('three shards run every input of the unsharded run exactly once', async () => {
    const base = {
      clients: [SDK_CLIENTS[0]!],
      properties: [headersAlwaysSent, noDiscoveryWithoutChallenge],
      runs: 30,
      seed: 21,
      timeoutMs: 5000,
    }
    const whole = await fuzz(base)
    const shards = await Promise.all([1, 2, 3].map(async (index) => fuzz({ ...base, shard: { index, count: 3 } })))
    for (const [i, result] of whole.entries()) {
      const parts = shards.map((s) => s[i]!)
      expect(parts.map((p) => p.runs)).toEqual([10, 10, 10])
      expect(parts.reduce((n, p) => n + p.exercised, 0)).toBe(result.exercised)
      expect(parts.every((p) => p.verdict === result.verdict)).toBe(true)
    }
  })

  it('a violation is found by the shard that draws it and shrinks to a replayable counterexample', async () => {
    const base = { clients: [dropsHeaders], properties: [headersAlwaysSent], runs: 40, seed: 4, timeoutMs: 5000 }
    const [two, one] = await Promise.all([
      fuzz({ ...base, shard: { index: 2, count: 2 } }),
      fuzz({ ...base, shard: { index: 1, count: 2 } }),
    ])
    for (const [result] of [one!, two!]) {
      expect(result!.verdict).toBe('violated')
      const [replayed] = await fuzz({ ...base, path: result!.counterexample!.path })
      expect(replayed!.counterexample!.violations.map((v) => v.message)).toEqual(
        result!.counterexample!.violations.map((v) => v.message),
      )
    }
  })

  it('the CLI refuses a shard without a seed, or out of range', async () => {
    expect((await cli('fuzz', '--shard', '1/2')).stderr).toContain('--shard needs --seed')
    const bad = await cli('fuzz', '--shard', '3/2', '--seed', '1')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--shard must be i/n with 1 ≤ i ≤ n')
  })
})
