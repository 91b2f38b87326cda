import { describe, expect, it } from 'vitest'
import { findInstallable } from '../../src/clients/provision/installable-clients.js'
import { installedClient } from '../../src/clients/provision/provision.js'
import { fuzzClient } from '../../src/library/fuzz-client.js'
import { commandProblem } from '../../src/runtime/child-process.js'

/** The registry's own publish dates of a package's versions (what `npm install --before` reads). */
async function npmTimes(name: string): Promise<Record<string, string>> {
  const response = await fetch(`https://registry.npmjs.org/${name.replace('/', '%2F')}`)
  return ((await response.json()) as { time: Record<string, string> }).time
}

/** The upload dates of a PyPI project's files, by version (what `pip --uploaded-prior-to` reads). */
async function pypiTimes(project: string): Promise<Map<string, string>> {
  const response = await fetch(`https://pypi.org/simple/${project}/`, {
    headers: { accept: 'application/vnd.pypi.simple.v1+json' },
  })
  const index = (await response.json()) as { files: Array<{ filename: string; 'upload-time': string }> }
  const times = new Map<string, string>()
  for (const file of index.files) {
    const version = /^[^-]+-([^-]+?)(?:-|\.tar\.gz$|\.zip$)/.exec(file.filename)?.[1]
    if (version && (!times.has(version) || file['upload-time'] < times.get(version)!)) times.set(version, file['upload-time'])
  }
  return times
}

const noPython = Boolean(await commandProblem('python3'))

describe('faithful installs: an old release with its dependencies as of its release date', () => {
  // An old Gemini CLI (the oldest the harness drives: older ones are refused, issue 35 §5): with
  // today's dependencies its MCP SDK would be today's (1.32.2 when this was written), and a bug of
  // the SDK of its time would not reproduce.
  it('gemini-cli@0.19.4 (npm --before): every MCP SDK it resolved was published by its release', async () => {
    const found = findInstallable('gemini-cli@0.19.4')!
    const client = await installedClient(found.client, found.version)
    expect(client.releasedAt).toMatch(/^\d{4}-\d\d-\d\dT/)
    const sdk = client.dependencies?.['@modelcontextprotocol/sdk']
    expect(sdk, JSON.stringify(client.dependencies)).toBeDefined()
    const times = await npmTimes('@modelcontextprotocol/sdk')
    for (const version of sdk!.split(','))
      expect(Date.parse(times[version]!), `sdk ${version}`).toBeLessThanOrEqual(Date.parse(client.releasedAt!))
  }, 600_000)

  it.skipIf(noPython)(
    'python-sdk@1.0.0 (pip --uploaded-prior-to): mcp and pydantic as uploaded by its release',
    async () => {
      const found = findInstallable('python-sdk@1.0.0')!
      const client = await installedClient(found.client, found.version)
      expect(client.releasedAt?.slice(0, 10)).toBe('2024-11-25')
      expect(client.dependencies?.mcp).toBe('1.0.0')
      const pydantic = client.dependencies?.pydantic
      expect(pydantic).toBeDefined()
      const uploaded = (await pypiTimes('pydantic')).get(pydantic!)
      expect(Date.parse(uploaded!), `pydantic ${pydantic}`).toBeLessThanOrEqual(Date.parse(client.releasedAt!))
    },
    600_000,
  )

  it('fuzzClient takes an installable client by name (the same resolution as --client)', async () => {
    const results = await fuzzClient({
      client: 'mcp-remote',
      properties: ['headers-always-sent'],
      phases: ['random'],
      runs: 2,
      seed: 1,
    })
    expect(results[0]!.client).toBe('mcp-remote')
    expect(results[0]!.exercised).toBeGreaterThan(0)
  }, 600_000)
})
