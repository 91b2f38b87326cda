import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLI, cli, ROOT } from '../helpers/cli.js'
import { tempDir } from '../helpers/tmp.js'
import { commandProblem } from '../../src/runtime/child-process.js'
import { goModuleVersions, npmVersions, pypiVersions } from '../../src/clients/provision/released-versions.js'

const noGo = Boolean(await commandProblem('go'))

describe('bisect over real releases', () => {
  it('lists released versions from each registry, oldest first, without pre-releases', async () => {
    const go = await goModuleVersions('github.com/modelcontextprotocol/go-sdk')
    expect(go).toEqual(expect.arrayContaining(['1.1.0', '1.4.0', '1.4.1', '1.6.0', '1.8.0']))
    expect(go.some((v) => v.includes('-'))).toBe(false)
    const python = await pypiVersions('mcp')
    expect(python.indexOf('1.0.0')).toBeLessThan(python.indexOf('1.20.0'))
    expect(await npmVersions('mcp-remote')).toContain('0.15.1')
  }, 120_000)

  // A real boundary, found by this command: go-sdk v1.4.x (OAuth behind its build tag) gives up when
  // every metadata lookup 404s; v1.6.0 goes on to the MCP origin's AS metadata and POSTs /register there.
  it.skipIf(noGo)(
    'go-sdk client-registration: first bad 1.6.0 after 1.4.1, with the /register it started sending and a replayable counterexample',
    async () => {
      const found = tempDir()
      const { code, stdout, stderr } = await cli(
        'bisect',
        '--client',
        'go-sdk',
        '--good',
        '1.4.0',
        '--bad',
        '1.8.0',
        '--property',
        'client-registration',
        '--found-dir',
        found,
      )
      expect(code, stderr).toBe(0)
      expect(stdout).toMatch(/^first bad version: go-sdk 1\.6\.0(, released 20\d\d-\d\d-\d\d)? \(last good: 1\.4\.1\)$/m)
      expect(stdout).toMatch(/^  1\.4\.0 +held +held on all \d+ coverage inputs/m)
      // Found among the first inputs (the most telling run first): a server with no metadata anywhere.
      expect(stdout).toMatch(/^  1\.8\.0 +VIOLATED +violated on coverage input #\d+: /m)
      // The traffic that changed: the older release stops after the PRM lookups, the newer registers.
      expect(stdout).toMatch(/^ {4}GET origin1\/\.well-known\/oauth-protected-resource\/mcp( \[[^\]]*\])? → 404$/m)
      expect(stdout).toMatch(/^ {2}\+ POST origin1\/register( \[[^\]]*\])? → 404$/m)
      const saved = /replay (\S+) --client go-sdk@1\.6\.0/.exec(stdout)?.[1]
      expect(saved).toBeDefined()
      expect(JSON.parse(readFileSync(saved!, 'utf8')).counterexample.property).toBe('client-registration')
      // The saved input decides each version in one session, and names the same release.
      const again = await cli('bisect', '--client', 'go-sdk', '--good', '1.4.1', '--bad', '1.8.0', '--input', saved!)
      expect(again.code, again.stderr).toBe(0)
      expect(again.stdout).toMatch(/^first bad version: go-sdk 1\.6\.0/m)
      expect(again.stdout).toMatch(/^ {2}1\.4\.1 +held +the violation did not occur/m)
      // Good newer than bad: the first release that fixed it. v1.7.0 brought AuthorizationResult.Iss (RFC 9207).
      const fixed = await cli(
        'bisect',
        '--client',
        'go-sdk',
        '--good',
        '1.8.0',
        '--bad',
        '1.4.0',
        '--property',
        'iss-checked',
        '--found-dir',
        found,
      )
      expect(fixed.code, fixed.stderr).toBe(0)
      expect(fixed.stdout).toMatch(/^first fixed version: go-sdk 1\.7\.0(, released [\d-]+)? \(last bad: 1\.6\.1\)$/m)
    },
    900_000,
  )

  it('Ctrl-C while releases install: exit 130, the installs stopped, no half-made folder left in the cache', async () => {
    const cache = tempDir()
    const child = spawn(
      process.execPath,
      [CLI, 'bisect', '--client', 'ts-sdk', '--good', '1.32.2', '--bad', '1.4.0', '--property', 'headers-always-sent'],
      { cwd: ROOT, env: { ...process.env, XDG_CACHE_HOME: cache }, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let stderr = ''
    const installing = new Promise<void>((resolve) =>
      child.stderr.on('data', (chunk) => {
        stderr += chunk
        if (/npm install @modelcontextprotocol\/sdk@/.test(stderr)) resolve()
      }),
    )
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
    await installing
    child.kill('SIGINT')
    expect(await exited).toBe(130)
    expect(stderr).toMatch(/SIGINT: stopped \d+ process group\(s\), removed [1-9]\d* unfinished folder\(s\)/)
    const clients = join(cache, 'mcp-auth-harness', 'clients')
    expect(readdirSync(clients).filter((name) => name.includes('.partial-'))).toEqual([])
  }, 300_000)
})
