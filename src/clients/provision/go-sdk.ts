import { copyFile } from 'node:fs/promises'
import semver from 'semver'
import type { ConfiguredGrant } from '../../core/client-config.js'
import { join } from 'node:path'
import { packageRoot, readTextIfPresent, userCacheDir, writeOwnFile } from '../../runtime/files.js'
import { commandClient } from '../command-client.js'
import { configFormatByName } from '../../config/formats/registry.js'
import type { InstallableClient } from './installable-client.js'
import { installStep } from './provision.js'
import { goModuleVersions } from './released-versions.js'

const MODULE = 'github.com/modelcontextprotocol/go-sdk'

/** The adapter's files: the session, and the OAuth part in one file per API generation (build tags). */
const ADAPTER_FILES = [
  'main.go',
  'oauth.go',
  'oauth_none.go',
  'result_iss.go',
  'result_noiss.go',
  'preregistered.go',
  'preregistered_v14.go',
  'grant.go',
  'grant_none.go',
]

/**
 * What a release of the Go SDK has, read from its sources: the client OAuth came in v1.4.0 behind the
 * `mcp_go_client_oauth` build tag, with a pre-registered client only if it has a secret; v1.6.0 made
 * it default and took public clients, and added `extauth.ClientCredentialsHandler` (client
 * credentials with a secret, SEP-1046); `AuthorizationResult.Iss` (RFC 9207) came in v1.7.0. The
 * build tags pick the adapter's matching OAuth files, so every release from v1.1.0 builds.
 *
 * @example
 * goSdkFeatures('1.4.0') // { oauth: true, publicPreregistered: false, grants: [], buildTags: ['mcp_go_client_oauth', 'oauthv14', 'noiss'] }
 */
export function goSdkFeatures(version: string): {
  oauth: boolean
  publicPreregistered: boolean
  grants: readonly ConfiguredGrant[]
  buildTags: string[]
} {
  const at = (since: string) => semver.valid(version) === null || semver.gte(version, since)
  if (!at('1.4.0')) return { oauth: false, publicPreregistered: false, grants: [], buildTags: ['nooauth'] }
  if (!at('1.6.0'))
    return { oauth: true, publicPreregistered: false, grants: [], buildTags: ['mcp_go_client_oauth', 'oauthv14', 'noiss'] }
  return { oauth: true, publicPreregistered: true, grants: ['client-credentials-basic'], buildTags: at('1.7.0') ? [] : ['noiss'] }
}

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
  oldest: '1.1.0',
  versions: () => goModuleVersions(MODULE),
  what: (version) => `the official Go SDK (${MODULE} v${version})`,
  compiled: ADAPTER_FILES.map((file) => `clients/go-sdk/${file}`),
  oauthOptional: true,
  toolchains: [{ command: 'go', install: 'Go 1.25 or newer (Debian: apt-get install golang-go, or go.dev/dl)' }],
  async install(version, dir, progress) {
    const env = await goEnvironment()
    for (const file of ADAPTER_FILES) await copyFile(join(packageRoot(), 'clients', 'go-sdk', file), join(dir, file))
    await writeOwnFile(join(dir, 'go.mod'), 'module mcp-auth-harness/go-sdk-client\n\ngo 1.25\n')
    progress(`go get ${MODULE}@v${version} …`)
    await installStep('go', ['get', `${MODULE}@v${version}`], `fetching ${MODULE}@v${version}`, { cwd: dir, env })
    const tags = goSdkFeatures(version).buildTags
    progress(`go build${tags.length ? ` -tags ${tags.join(',')}` : ''} …`)
    await installStep('go', ['build', '-tags', tags.join(','), '-o', 'client', '.'], 'building the go-sdk adapter', {
      cwd: dir,
      env,
    })
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
  programs: (_version, dir) => [join(dir, 'client')],
  client(version, dir) {
    const { oauth, publicPreregistered, grants } = goSdkFeatures(version)
    return {
      ...commandClient(`"${join(dir, 'client')}" {url}`, configFormatByName('json'), { sessionLoop: true }),
      acceptsOAuthClientId: publicPreregistered,
      // The adapter builds extauth.ClientCredentialsHandler from MCP_OAUTH_GRANT (Streamable HTTP only).
      ...(grants.length > 0 ? { grants } : {}),
      description: `${GO_SDK.what(version)} through its adapter; ${oauth ? "OAuth with the SDK's AuthorizationCodeHandler (Streamable HTTP only)" : 'no client OAuth in this release (it came in v1.4.0)'}`,
    }
  },
}
