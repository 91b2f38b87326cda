import { copyFile } from 'node:fs/promises'
import { join } from 'node:path'
import { packageRoot, readTextIfPresent, userCacheDir, writeOwnFile } from '../../runtime/files.js'
import { commandClient } from '../command-client.js'
import { configFormatByName } from '../../config/formats/registry.js'
import type { InstallableClient } from './installable-client.js'
import { installStep } from './provision.js'

const MODULE = 'github.com/modelcontextprotocol/go-sdk'

/** Go's settings for the build: modules in the harness's cache, go.mod updated as needed. */
async function goEnvironment(): Promise<Record<string, string>> {
  return { GOMODCACHE: await userCacheDir('toolchains', 'go-mod'), GOFLAGS: '-mod=mod' }
}

/**
 * The official Go SDK, built with the adapter shipped in `clients/go-sdk/main.go` (Streamable HTTP
 * with the SDK's AuthorizationCodeHandler; SSE, which has no OAuth in this SDK), into one binary.
 */
export const GO_SDK: InstallableClient = {
  name: 'go-sdk',
  pinned: '1.8.0',
  what: (version) => `the official Go SDK (${MODULE} v${version})`,
  compiled: ['clients/go-sdk/main.go'],
  oauthOptional: true,
  toolchains: [{ command: 'go', install: 'Go 1.25 or newer (Debian: apt-get install golang-go, or go.dev/dl)' }],
  async install(version, dir, progress) {
    const env = await goEnvironment()
    await copyFile(join(packageRoot(), 'clients', 'go-sdk', 'main.go'), join(dir, 'main.go'))
    await writeOwnFile(join(dir, 'go.mod'), 'module mcp-auth-harness/go-sdk-client\n\ngo 1.25\n')
    progress(`go get ${MODULE}@v${version} …`)
    await installStep('go', ['get', `${MODULE}@v${version}`], `fetching ${MODULE}@v${version}`, { cwd: dir, env })
    progress('go build …')
    await installStep('go', ['build', '-o', 'client', '.'], 'building the go-sdk adapter', { cwd: dir, env })
  },
  // Faithful by construction: minimal version selection takes each dependency at the version the
  // go-sdk release's own go.mod asks for, not the newest (nothing to date).
  async resolvedDependencies(dir) {
    const mod = (await readTextIfPresent(join(dir, 'go.mod'))) ?? ''
    const deciding = [MODULE, 'golang.org/x/oauth2']
    return Object.fromEntries(
      [...mod.matchAll(/^\s*(?:require\s+)?(\S+) (v\S+)/gm)].filter((m) => deciding.includes(m[1]!)).map((m) => [m[1]!, m[2]!]),
    )
  },
  client(version, dir) {
    return {
      ...commandClient(`"${join(dir, 'client')}" {url}`, configFormatByName('json')),
      acceptsOAuthClientId: true,
      description: `${GO_SDK.what(version)} through its adapter; OAuth with the SDK's AuthorizationCodeHandler (Streamable HTTP only)`,
    }
  },
}
