import { copyFile } from 'node:fs/promises'
import { join } from 'node:path'
import semver from 'semver'
import type { Transport } from '../../core/client-config.js'
import { packageRoot } from '../../runtime/files.js'
import { commandClient } from '../command-client.js'
import { configFormatByName } from '../../config/formats/registry.js'
import type { InstallableClient } from './installable-client.js'
import { npmResolvedDependencies } from './npm-resolved.js'
import { installStep } from './provision.js'
import { npmReleaseDate } from './release-date.js'
import { npmVersions } from './released-versions.js'

const PACKAGE = '@modelcontextprotocol/sdk'

/**
 * What a release of the TypeScript SDK v1 has, from its published files: an SSE client that brings
 * its own EventSource from 1.4.0 (before, it used the browser's global, which a Node app had to
 * provide itself: the harness starts at 1.4.0),
 * the OAuth client (`client/auth.js`) from 1.6.0, Streamable HTTP (`client/streamableHttp.js`) from
 * 1.10.0. The adapter looks the same up by import; this says what the harness may offer it.
 *
 * @example
 * tsSdkFeatures('1.6.0') // { transports: ['sse'], oauth: true }
 */
export function tsSdkFeatures(version: string): { transports: readonly Transport[]; oauth: boolean } {
  const at = (since: string) => semver.valid(version) === null || semver.gte(version, since)
  return { transports: at('1.10.0') ? ['streamable-http', 'sse'] : ['sse'], oauth: at('1.6.0') }
}

/**
 * The TypeScript SDK v1 at any release (`ts-sdk@1.12.0`), installed from npm with its dependencies as
 * of that release, and run out of process through `clients/ts-sdk/client.mjs` under the harness's
 * own Node. The bundled `sdk-streamable` and `sdk-sse` run the pinned release in process; this
 * is for the others.
 */
export const TS_SDK: InstallableClient = {
  name: 'ts-sdk',
  pinned: '1.32.2',
  oldest: '1.4.0',
  what: (version) => `the official TypeScript SDK v1 (${PACKAGE} ${version}, npm)`,
  compiled: ['clients/ts-sdk/client.mjs'],
  oauthOptional: true,
  toolchains: [{ command: 'npm', install: 'Node.js with npm' }],
  releaseDate: (version) => npmReleaseDate(PACKAGE, version),
  versions: () => npmVersions(PACKAGE),
  async install(version, dir, progress, releasedAt) {
    const before = releasedAt ? [`--before=${releasedAt}`] : []
    progress(`npm install ${PACKAGE}@${version} ${before.join(' ')}…`)
    await installStep(
      'npm',
      ['install', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error', ...before, `${PACKAGE}@${version}`],
      `installing ${PACKAGE}@${version}`,
    )
    // Beside its node_modules, so the adapter's bare imports resolve to this release.
    await copyFile(join(packageRoot(), 'clients', 'ts-sdk', 'client.mjs'), join(dir, 'client.mjs'))
  },
  resolvedDependencies: (dir) => npmResolvedDependencies(dir, PACKAGE),
  programs: (_version, dir) => [join(dir, 'client.mjs')],
  client(version, dir) {
    const { transports, oauth } = tsSdkFeatures(version)
    return {
      ...commandClient(`"${process.execPath}" "${join(dir, 'client.mjs')}" {url}`, configFormatByName('json'), {
        sessionLoop: true,
      }),
      transports,
      acceptsOAuthClientId: oauth,
      // Its adapter holds the session open for MCP_KEEP_OPEN_MS.
      keepsOpen: true,
      // The v1 SDK opens with initialize at every release: it never speaks the 2026-07-28 era.
      legacyOnly: true,
      description: `${TS_SDK.what(version)} through its adapter; ${oauth ? "OAuth with the SDK's OAuthClientProvider" : 'no OAuth client in this release (it came in 1.6.0)'}`,
    }
  },
}
