import { describe, expect, it } from 'vitest'
import { headersAlwaysSent, noDiscoveryWithoutChallenge } from '../properties/index.js'
import { dropsHeaders } from '../properties/headers-always-sent/witnesses.js'
import { SDK_CLIENTS } from '../src/clients/sdk-clients.js'
import { fuzz } from '../src/runner/fuzz.js'
import { coverageInputs } from '../src/coverage/coverage-inputs.js'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { cli, ROOT } from './helpers/cli.js'
import { tempDir } from './helpers/tmp.js'

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
    const coverage = coverageInputs(SDK_CLIENTS[0]!).length
    for (const [i, result] of whole.entries()) {
      const parts = shards.map((s) => s[i]!)
      // The coverage phase is split the same way as the random one: input i goes to shard (i mod 3) + 1.
      expect(parts.map((p) => p.phaseRuns.random)).toEqual([10, 10, 10])
      expect(parts.reduce((n, p) => n + p.phaseRuns.coverage, 0)).toBe(coverage)
      expect(parts.map((p) => p.phaseRuns.coverage)).toEqual([0, 1, 2].map((k) => Math.ceil((coverage - k) / 3)))
      expect(parts.reduce((n, p) => n + p.exercised, 0)).toBe(result.exercised)
      expect(parts.every((p) => p.verdict === result.verdict)).toBe(true)
    }
  })

  it('a violation is found by the shard that draws it and shrinks to a replayable counterexample', async () => {
    const base = {
      clients: [dropsHeaders],
      properties: [headersAlwaysSent],
      runs: 40,
      seed: 4,
      timeoutMs: 5000,
      phases: ['random'] as const,
    }
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

  it("the GitHub Actions example's fuzz step runs as written (with a built-in client and fewer runs)", async () => {
    const workflow = readFileSync(join(ROOT, 'examples/github-actions/mcp-auth-harness.yml'), 'utf8')
    const step = /npx mcp-auth-harness fuzz\n([\s\S]*?)\n\s+- name:/.exec(workflow)![1]!
    const dir = tempDir()
    const args = step
      .trim()
      .split(/\n\s*/)
      .flatMap((line) => {
        const [flag, ...rest] = line.split(' ')
        return [flag!, rest.join(' ').replace(/^"|"$/g, '')]
      })
      .map((word) =>
        word
          .replace('cmd:node ./dist/my-client.js {url}', 'sdk-streamable')
          .replace('${{ github.run_id }}', '7')
          .replace(/\$\{\{ matrix.shard \}\}/g, '2')
          .replace('$GITHUB_STEP_SUMMARY', join(dir, 'summary.md'))
          .replace(/^reports\//, `${dir}/reports/`)
          .replace(/^200$/, '8'),
      )
    expect(args).toContain('--shard')
    const result = await cli('fuzz', ...args)
    expect(result.code, result.stdout + result.stderr).toBe(0)
    expect(result.stdout).toContain('shard 2/4 (every 4th input)')
    expect(existsSync(join(dir, 'reports/junit-2.xml'))).toBe(true)
    expect(existsSync(join(dir, 'reports/checks-2/sdk-streamable/checks.json'))).toBe(true)
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('shard 2/4')
    expect(readFileSync(join(dir, 'reports/report-2.html'), 'utf8')).toContain('<li>shard 2/4</li>')
  })
})
