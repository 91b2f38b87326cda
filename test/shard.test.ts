import { describe, expect, it } from 'vitest'
import { headersAlwaysSent, noDiscoveryWithoutChallenge } from '../properties/index.js'
import { dropsHeaders } from '../properties/headers-always-sent/witnesses.js'
import { SDK_CLIENTS } from '../src/clients/sdk-clients.js'
import { fuzz } from '../src/runner/fuzz.js'
import { coverageInputs } from '../src/coverage/coverage-inputs.js'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
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

  it("the GitHub Actions example's fuzz steps and merge step run as written (a built-in client, fewer runs)", async () => {
    const workflow = readFileSync(join(ROOT, 'examples/github-actions/mcp-auth-harness.yml'), 'utf8')
    const dir = tempDir()
    /** A folded `run: >` step's words after its command, with the workflow's expressions filled in for shard `shard`. */
    const stepArgs = (command: string, shard: number) =>
      new RegExp(`${command}\\n([\\s\\S]*?)\\n\\s+- (name|uses):`)
        .exec(workflow)![1]!
        .trim()
        .split(/\n\s*/)
        .flatMap((line) => {
          const [flag, ...rest] = line.split(' ')
          return rest.length > 0 ? [flag!, rest.join(' ').replace(/^"|"$/g, '')] : [flag!]
        })
        .map((word) =>
          word
            .replace('cmd:node ./dist/my-client.js {url}', 'sdk-streamable')
            .replace('${{ github.run_id }}', '7')
            .replace(/\$\{\{ matrix.shard \}\}/g, String(shard))
            .replace('$GITHUB_STEP_SUMMARY', join(dir, 'summary.md'))
            .replace(/^reports\//, `${dir}/reports/`)
            .replace(/^200$/, '8'),
        )
    mkdirSync(join(dir, 'reports'))
    for (const shard of [1, 2, 3, 4]) {
      const words = stepArgs('npx mcp-auth-harness fuzz', shard)
      expect(words).toContain('--shard')
      // The shell's part of the step: `--json > FILE || test $? -eq 1` (a violation is the merge's to report).
      const json = words.indexOf('--json')
      const [, out] = /^> (\S+) \|\| test \$\? -eq 1$/.exec(words[json + 1]!)!
      const result = await cli('fuzz', ...words.slice(0, json + 1))
      expect([0, 1], result.stderr).toContain(result.code)
      writeFileSync(join(dir, out!), result.stdout)
      expect(JSON.parse(result.stdout).shard).toEqual({ index: shard, count: 4 })
      expect(existsSync(join(dir, `reports/checks-${shard}/sdk-streamable/checks.json`))).toBe(true)
    }
    const merge = stepArgs('npx mcp-auth-harness report merge reports/run-\\*.json', 0)
    const shards = [1, 2, 3, 4].map((shard) => join(dir, `reports/run-${shard}.json`))
    const merged = await cli('report', 'merge', ...shards, ...merge)
    expect(merged.code, merged.stdout + merged.stderr).toBe(0)
    expect(merged.stdout).toContain('merged 4 shards of seed 7')
    expect(existsSync(join(dir, 'reports/junit.xml'))).toBe(true)
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('sdk-streamable')
    expect(readFileSync(join(dir, 'reports/report.html'), 'utf8')).toContain('<html')
  })

  it('report merge of 3 shards gives the verdicts of the unsharded run', async () => {
    const dir = tempDir()
    // Random trials (the library test above splits the coverage phase); a violation and a hold to merge.
    const run = [
      '--client',
      'faulty:drops-headers',
      '--client',
      'sdk-streamable',
      '--property',
      'headers-always-sent',
      '--property',
      'accept-headers',
      '--seed',
      '42',
      '--phases',
      'random',
      '--runs',
      '30',
      '--found-dir',
      'none',
      '--json',
    ]
    const whole = JSON.parse((await cli('fuzz', ...run)).stdout)
    const shards = []
    for (const shard of [1, 2, 3]) {
      const file = join(dir, `s${shard}.json`)
      writeFileSync(file, (await cli('fuzz', ...run, '--shard', `${shard}/3`)).stdout)
      shards.push(file)
    }
    const merged = await cli('report', 'merge', ...shards, '--json', join(dir, 'merged.json'))
    const report = JSON.parse(readFileSync(join(dir, 'merged.json'), 'utf8'))
    const verdicts = (r: { results: Array<{ client: string; property: { id: string }; verdict: string; status: string }> }) =>
      Object.fromEntries(r.results.map((x) => [`${x.client} × ${x.property.id}`, `${x.verdict}/${x.status}`]))
    expect(verdicts(report)).toEqual(verdicts(whole))
    expect(report.exitCode).toBe(whole.exitCode)
    expect(merged.code).toBe(whole.exitCode)
    // A merge of part of a run is not the run.
    const partial = await cli('report', 'merge', shards[0]!, shards[2]!)
    expect(partial.code).toBe(2)
    expect(partial.stderr).toContain('shard(s) 2/3 missing')
  })

  // Issue 36 §4 (reliability-2026-12-07, finding 7): each of these merged green or silently before.
  it('report merge and matrix --merge check what they merge: counts, plan, share; a tampered shard is exit 2 naming it', async () => {
    const dir = tempDir()
    const run = ['--client', 'sdk-streamable', '--property', 'accept-headers', '--property', 'headers-always-sent']
    const common = [...run, '--seed', '5', '--phases', 'random', '--runs', '6', '--json']
    const shard = async (index: number) => JSON.parse((await cli('fuzz', ...common, '--shard', `${index}/2`)).stdout)
    const [one, two] = [await shard(1), await shard(2)]
    const write = (name: string, report: unknown) => {
      const file = join(dir, name)
      writeFileSync(file, JSON.stringify(report))
      return file
    }
    const s1 = write('s1.json', one)
    expect((await cli('report', 'merge', s1, write('s2.json', two))).code).toBe(0)
    const refused = async (name: string, report: unknown, message: string | RegExp) => {
      const merged = await cli('report', 'merge', s1, write(name, report))
      expect(merged.code, `${name}: ${merged.stdout}`).toBe(2)
      expect(merged.stderr).toMatch(message)
    }
    const liar = structuredClone(two)
    for (const result of liar.results) Object.assign(result, { verdict: 'held', runs: 0, held: 0, violated: 0, notExercised: 0 })
    await refused('liar-0-runs.json', liar, /says held, its counts say not-exercised/)
    const notExercised = structuredClone(two)
    for (const result of notExercised.results) Object.assign(result, { verdict: 'held', held: 0, notExercised: result.runs })
    await refused('liar-not-exercised.json', notExercised, /says held, its counts say not-exercised/)
    await refused('empty.json', { ...two, results: [], trials: 0 }, /does not hold the run's client × property pairs \(2 missing/)
    await refused('timeout.json', { ...two, timeoutMs: 9999 }, /--timeout 9999 differs/)
    await refused('fewer.json', { ...two, results: two.results.slice(0, 1) }, /1 missing/)
    await refused('other-client.json', { ...two, plan: { ...two.plan, clients: ['go-sdk'] } }, /plan .* differs/)

    // matrix --merge: shards of versions; shard 1 copied as shard 2 left a version out, green.
    const matrixShard = (report: typeof one, index: number, versions: string[]) => ({
      ...report,
      shard: { index, count: 2 },
      plan: { clients: ['sdk-streamable'], versions: ['1.0.0', '1.1.0', '1.2.0'], properties: report.plan.properties },
      clients: versions.map((version) => ({ name: `sdk-streamable@${version}`, version })),
    })
    const m1 = write('m1.json', matrixShard(one, 1, ['1.0.0', '1.2.0']))
    const copied = write('m2-copied.json', matrixShard(one, 2, ['1.0.0', '1.2.0']))
    const relabelled = await cli('matrix', '--merge', m1, copied)
    expect(relabelled.code).toBe(2)
    expect(relabelled.stderr).toContain('shard 2/2 should hold versions 1.1.0 of the run')
    expect((await cli('matrix', '--merge', m1, write('m2.json', matrixShard(two, 2, ['1.1.0'])))).code).not.toBe(2)
    // fuzz's shards are not a matrix: printed as one (37 property columns) before.
    const fuzzShards = await cli('matrix', '--merge', s1, join(dir, 's2.json'))
    expect(fuzzShards.code).toBe(2)
    expect(fuzzShards.stderr).toContain('a fuzz report, not a matrix shard')
  })
})
