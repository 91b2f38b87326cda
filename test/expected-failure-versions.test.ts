import { readdirSync } from 'node:fs'
import semver from 'semver'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CLIENTS } from '../src/clients/registry.js'
import { INSTALLABLE_CLIENTS } from '../src/clients/provision/installable-clients.js'
import { checkExpectations, loadExpectedFailures, type ExpectedFailure } from '../src/runner/expected-failures.js'
import type { PropertyResult } from '../src/runner/fuzz.js'
import { PROPERTIES } from '../properties/index.js'

const property = PROPERTIES.find((p) => p.id === 'headers-always-sent')!
const result = (client: string, verdict: PropertyResult['verdict']) =>
  ({ client, property, verdict }) as unknown as PropertyResult
const entry: ExpectedFailure = { client: 'python-sdk', property: property.id, versions: '2.3.0', seed: 1, path: '0', reason: 'r' }
const replayHeld = async () => result('python-sdk', 'held')

describe('expected failures keyed by client version', () => {
  it('every shipped entry names the versions it fails in, and they include the version that ships', async () => {
    const files = ['expected-failures.json', ...readdirSync('expected-failures').map((f) => `expected-failures/${f}`)]
    for (const file of files)
      for (const listed of await loadExpectedFailures(file)) {
        const client = listed.client.replace(/-no-oauth$/, '')
        const version =
          DEFAULT_CLIENTS.find((c) => c.name === listed.client)?.version ??
          INSTALLABLE_CLIENTS.find((c) => c.name === client)?.pinned
        expect(listed.versions, `${file}: ${listed.client} × ${listed.property}`).toBeDefined()
        expect(version, `${file}: ${listed.client} has a known version`).toBeDefined()
        expect(semver.satisfies(version!, listed.versions!), `${file}: ${listed.client} ${version}`).toBe(true)
      }
  })

  it('a fix in a named version is STALE; in another version it is "fixed" (no longer fails), not a failure', async () => {
    const inRange = await checkExpectations([result('python-sdk', 'held')], [entry], replayHeld, () => '2.3.0')
    expect([...inRange.values()][0]).toMatchObject({ status: 'stale', version: '2.3.0' })
    const newer = await checkExpectations([result('python-sdk@2.4.0', 'held')], [entry], replayHeld, () => '2.4.0')
    expect([...newer.values()][0]).toMatchObject({ status: 'fixed', version: '2.4.0', outsideVersions: true })
  })

  it('a failure that persists in another version stays expected, marked outside the range', async () => {
    const seen = await checkExpectations([result('python-sdk@2.4.0', 'violated')], [entry], replayHeld, () => '2.4.0')
    expect([...seen.values()][0]).toMatchObject({ status: 'seen', outsideVersions: true })
  })

  it('an entry without versions, or a client of unknown version, keeps the old rule (a fix is STALE)', async () => {
    const { versions: _, ...unversioned } = entry
    const any = await checkExpectations([result('python-sdk@1.0.0', 'held')], [unversioned], replayHeld, () => '1.0.0')
    expect([...any.values()][0]?.status).toBe('stale')
    const unknown = await checkExpectations([result('python-sdk', 'held')], [entry], replayHeld, () => undefined)
    expect([...unknown.values()][0]?.status).toBe('stale')
  })

  it('a range that is not semver is an input error naming the field', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs')
    const dir = mkdtempSync('/tmp/ef-')
    writeFileSync(`${dir}/e.json`, JSON.stringify({ failures: [{ ...entry, versions: 'soon' }] }))
    await expect(loadExpectedFailures(`${dir}/e.json`)).rejects.toThrow(/failures\[0\]\.versions|versions/)
  })
})
