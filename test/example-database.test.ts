import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fuzzClient, PropertyViolationError } from '../src/index.js'
import { cli } from './helpers/cli.js'
import { tempDir } from './helpers/tmp.js'

// faulty:accepts-any-resource breaks resource-mismatch-rejected only when the server's PRM names
// another resource: a coverage input, which one random trial of seeds 1–3 does not draw.
const CLIENT = 'faulty:accepts-any-resource'
const PROPERTY = 'resource-mismatch-rejected'
// A property the one random trial of seed 2 exercises, so that run judges something (else it is not a pass either).
const JUDGED = ['--property', PROPERTY, '--property', 'headers-always-sent']

/** The first run: the coverage phase finds the fault and saves it in `dir`. */
const findAndSave = (dir: string) =>
  cli('fuzz', '--client', CLIENT, '--property', PROPERTY, '--phases', 'coverage', '--found-dir', dir)

/** One random trial of seed 2 for `client`, with `dir` as the example database. */
const oneTrial = (client: string, dir: string, ...more: string[]) =>
  cli('fuzz', '--client', client, ...JUDGED, '--phases', 'random', '--runs', '1', '--seed', '2', '--found-dir', dir, ...more)

describe('the example database (--found-dir)', () => {
  it('a second run replays what the first saved: a fault one random trial misses is violated in a 1-trial run', async () => {
    const dir = tempDir()
    const first = await findAndSave(dir)
    expect(first.code).toBe(1)
    const saved = readdirSync(dir).filter((name) => name.endsWith('.json'))
    expect(saved).toHaveLength(1)

    // Without the database the same 1-trial run holds: the fault is not met by chance.
    const without = await oneTrial(CLIENT, dir, '--no-examples')
    expect(without.code).toBe(0)

    const second = await oneTrial(CLIENT, dir)
    expect(second.code).toBe(1)
    expect(second.stdout).toContain(`stored examples (${dir}): 1 replayed first: 1 still fail, 0 now hold`)
    expect(second.stdout).toContain(`still fails: ${join(dir, saved[0]!)} × ${PROPERTY}`)
    expect(second.stdout).toContain(`found by stored example ${join(dir, saved[0]!)}`)
    // It fails its own property again: not saved a second time.
    expect(readdirSync(dir).filter((name) => name.endsWith('.json'))).toEqual(saved)
  })

  it('a file that no longer parses is one note and is skipped: no crash, and not a pass', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'garbage.json'), '{ not json')
    writeFileSync(join(dir, 'not-a-counterexample.json'), readFileSync('recordings/claude-code-7290-http.json'))
    const ran = await cli(
      'fuzz',
      '--client',
      'sdk-streamable',
      '--property',
      'headers-always-sent',
      '--phases',
      'random',
      '--runs',
      '2',
      '--seed',
      '1',
      '--found-dir',
      dir,
    )
    expect(ran.code).toBe(0)
    expect(ran.stdout).toContain('0 replayed first')
    expect(ran.stdout).toContain('2 skipped')
    expect(ran.stdout).toMatch(/note: skipped .*garbage\.json: \$: not valid JSON/)
    expect(ran.stdout).toMatch(/note: skipped .*not-a-counterexample\.json: a recording, not a counterexample/)
  })

  it('a stored example that now holds is a line, not a failure, and is kept', async () => {
    const dir = tempDir()
    await findAndSave(dir)
    const [name] = readdirSync(dir).filter((n) => n.endsWith('.json'))
    // The same input saved for the SDK client the faulty one is built on, which rejects the mismatch.
    const file = JSON.parse(readFileSync(join(dir, name!), 'utf8'))
    file.counterexample.client = 'sdk-streamable'
    delete file.counterexample.clientVersion
    writeFileSync(join(dir, 'sdk-streamable--resource-mismatch-rejected--coverage0.json'), JSON.stringify(file))
    const ran = await oneTrial('sdk-streamable', dir)
    expect(ran.code).toBe(0)
    expect(ran.stdout).toContain('1 replayed first: 0 still fail, 1 now hold')
    expect(readdirSync(dir)).toContain('sdk-streamable--resource-mismatch-rejected--coverage0.json')
  })

  it('fuzzClient replays its foundDir first too; examples: false does not', async () => {
    const dir = tempDir()
    await expect(fuzzClient({ client: CLIENT, properties: [PROPERTY], phases: ['coverage'], foundDir: dir })).rejects.toThrow(
      PropertyViolationError,
    )
    const quick = {
      client: CLIENT,
      properties: [PROPERTY, 'headers-always-sent'],
      phases: ['random'] as const,
      runs: 1,
      seed: 2,
      foundDir: dir,
    }
    await expect(fuzzClient(quick)).rejects.toThrow(/stored example/)
    await expect(fuzzClient({ ...quick, examples: false })).resolves.toBeDefined()
  })
})
