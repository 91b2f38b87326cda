import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from './helpers/cli.js'
import { tempDir } from './helpers/tmp.js'
import { loadRunReport } from '../src/report/load-run-report.js'
import { findingsPage, issueFileOf } from '../src/report/findings-page.js'

// Issue 37 §4: the findings page is the output of a stored scoreboard run, never a hand-kept table.
describe('scoreboard', () => {
  it('docs/findings.md is what scoreboard --render writes from the stored run (edit the run, not the page)', async () => {
    const { report } = await loadRunReport('docs/scoreboard/run.json')
    expect(readFileSync('docs/findings.md', 'utf8')).toBe(findingsPage(report, 'docs/findings.md'))
    // Every property has its row, every client its column with its release, every finding its transcript.
    const page = readFileSync('docs/findings.md', 'utf8')
    for (const id of report.plan!.properties) expect(page).toContain(`| \`${id}\``)
    for (const entry of report.plan!.entries!) expect(page).toContain(`\`${entry}\``)
    for (const result of report.results.filter((r) => r.verdict === 'violated')) {
      expect(result.savedAs, `${result.client} × ${result.property.id}`).toBeDefined()
      expect(() => readFileSync(result.savedAs!)).not.toThrow()
      // Its upstream write-up: the title names the client and the property.
      expect(readFileSync(issueFileOf(result.savedAs!), 'utf8').split('\n')[0]).toMatch(
        new RegExp(`^# ${result.client.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*, ${result.property.id}\\)$`),
      )
    }
  })

  it('runs clients through the coverage phase, sharded; the shards merge into the run, and the page names each finding with its transcript and reproduce command', async () => {
    const dir = tempDir()
    const found = join(dir, 'found')
    const shard = (index: number) =>
      cli(
        'scoreboard',
        '--client',
        'faulty:drops-headers',
        '--client',
        'faulty:no-protocol-version',
        '--shard',
        `${index}/2`,
        '--timeout',
        '5000',
        '--found-dir',
        found,
        '--json',
        join(dir, `s${index}.json`),
      )
    const [one, two] = [await shard(1), await shard(2)]
    expect(one.code, one.stderr).toBe(0)
    expect(two.code, two.stderr).toBe(0)
    const page = join(dir, 'findings.md')
    const merged = await cli(
      'scoreboard',
      '--merge',
      join(dir, 's1.json'),
      join(dir, 's2.json'),
      '--markdown',
      page,
      '--json',
      join(dir, 'run.json'),
    )
    expect(merged.code, merged.stderr).toBe(0)
    const text = readFileSync(page, 'utf8')
    expect(text).toMatch(/^\| `headers-always-sent` \(EXPECTED\) \| \*\*✗\*\* \| /m)
    expect(text).toMatch(/^\| `protocol-version-header` \(MUST\) \| [^|]+ \| \*\*✗\*\* \|$/m)
    expect(text).toMatch(
      /\| `faulty:drops-headers` \| `headers-always-sent` \(EXPECTED\) \| [^|]*lacked configured header[^|]* \| \[counterexample\]\(found\/faulty_drops-headers--headers-always-sent--coverage\d+\.json\)/,
    )
    expect(text).toContain(
      '`npx mcp-auth-harness fuzz --client faulty:drops-headers --property headers-always-sent --phases coverage --timeout 5000`',
    )
    // Beside each counterexample, its upstream write-up as report --issue prints it.
    const [, issue] = /\[issue text\]\((found\/faulty_drops-headers--headers-always-sent--coverage\d+\.issue\.md)\)/.exec(text)!
    expect(readFileSync(join(dir, issue!), 'utf8')).toMatch(/^# faulty:drops-headers: /)
    // The same shard twice is not the run.
    const doubled = await cli(
      'scoreboard',
      '--merge',
      join(dir, 's1.json'),
      join(dir, 's1.json'),
      '--markdown',
      join(dir, 'x.md'),
    )
    expect(doubled.code).toBe(2)
    // The page again from the stored run, nothing run.
    const again = await cli('scoreboard', '--render', join(dir, 'run.json'), '--markdown', join(dir, 'again.md'))
    expect(again.code).toBe(0)
    expect(readFileSync(join(dir, 'again.md'), 'utf8').replace(/\]\([^)]*\)/g, '')).toBe(text.replace(/\]\([^)]*\)/g, ''))
  })

  it('names what it writes: without --json, --html or --markdown it is a usage error', async () => {
    const result = await cli('scoreboard', '--client', 'sdk-streamable')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('scoreboard writes --json FILE')
  })
})
