import { join } from 'node:path'
import semver from 'semver'
import type { ConfiguredGrant, Transport } from '../../core/client-config.js'
import { packageRoot } from '../../runtime/files.js'
import { commandClient } from '../command-client.js'
import { configFormatByName } from '../../config/formats/registry.js'
import type { InstallableClient } from './installable-client.js'
import { installStep } from './provision.js'
import { pypiReleaseDate } from './release-date.js'
import { pypiVersions } from './released-versions.js'

/**
 * The official Python SDK (`mcp` on PyPI) in a virtual environment, run through the adapter shipped
 * in `clients/python-sdk/client.py`, which speaks the `cmd:` contract (both transports, the SDK's
 * own OAuthClientProvider, the headless browser).
 */
export const PYTHON_SDK: InstallableClient = {
  name: 'python-sdk',
  pinned: '2.3.0',
  what: (version) => `the official Python SDK (mcp ${version}, PyPI)`,
  oauthOptional: true,
  toolchains: [{ command: 'python3', install: 'Python 3.10 or newer (Debian: apt-get install python3 python3-venv)' }],
  oldest: '1.0.0',
  releaseDate: (version) => pypiReleaseDate('mcp', version),
  versions: () => pypiVersions('mcp'),
  async install(version, dir, progress, releasedAt) {
    const python = join(dir, 'venv', 'bin', 'python')
    const pip = ['-m', 'pip', 'install', '--disable-pip-version-check', '--quiet']
    progress('creating a virtual environment …')
    await installStep('python3', ['-m', 'venv', join(dir, 'venv')], 'creating the virtual environment')
    // pip 25.3 and later resolve as of a date (--uploaded-prior-to); the venv's own pip may be older.
    progress('pip install --upgrade pip …')
    await installStep(python, [...pip, '--upgrade', 'pip>=25.3'], 'upgrading pip in the virtual environment')
    // "Prior to" is strict: a second after the release's last upload takes the release itself.
    const before = releasedAt ? [`--uploaded-prior-to=${new Date(Date.parse(releasedAt) + 1000).toISOString()}`] : []
    progress(`pip install mcp==${version} ${before.join(' ')}…`)
    await installStep(python, [...pip, ...before, `mcp==${version}`], `installing mcp==${version}`)
    // Bytecode for everything the adapter imports, made once here, not by the first trials racing
    // to write it (pip compiles too, unless PIP_NO_COMPILE says otherwise; this makes it certain).
    progress('python -m compileall …')
    await installStep(python, ['-m', 'compileall', '-q', '-j', '0', join(dir, 'venv', 'lib')], 'compiling the installed packages')
  },
  async resolvedDependencies(dir) {
    const frozen = await installStep(
      join(dir, 'venv', 'bin', 'python'),
      ['-m', 'pip', 'freeze', '--disable-pip-version-check'],
      'listing the installed packages',
    )
    const deciding = new Set(['mcp', 'httpx', 'httpx-sse', 'pydantic', 'anyio', 'starlette'])
    return Object.fromEntries(
      frozen
        .split('\n')
        .map((line) => /^([A-Za-z0-9_.-]+)==(\S+)$/.exec(line.trim()))
        .filter((m): m is RegExpExecArray => m !== null && deciding.has(m[1]!.toLowerCase()))
        .map((m) => [m[1]!.toLowerCase(), m[2]!]),
    )
  },
  // The adapter is the harness's own file (clients/python-sdk/client.py), trusted as its code is.
  programs: (_version, dir) => [join(dir, 'venv', 'bin', 'python')],
  client(version, dir) {
    const python = join(dir, 'venv', 'bin', 'python')
    const adapter = join(packageRoot(), 'clients', 'python-sdk', 'client.py')
    const { transports, oauth, grants } = pythonSdkFeatures(version)
    return {
      ...commandClient(`"${python}" "${adapter}" {url}`, configFormatByName('json'), { sessionLoop: true }),
      transports,
      // The adapter builds the SDK's own client credentials providers from MCP_OAUTH_GRANT.
      ...(grants.length > 0 ? { grants } : {}),
      // The adapter hands MCP_OAUTH_CLIENT_ID to the SDK's token storage: it is told of a pre-registered client.
      acceptsOAuthClientId: oauth,
      description: `${PYTHON_SDK.what(version)} through its adapter; ${oauth ? "OAuth with the SDK's OAuthClientProvider" : 'no OAuth client in this release (it came in 1.10)'}`,
    }
  },
}

/**
 * What a release of the Python SDK has, from its changelog and sources: Streamable HTTP since 1.8.0
 * (`streamablehttp_client`), the OAuth client since 1.10.0, client credentials with a secret or a
 * private key JWT (`ClientCredentialsOAuthProvider`, `PrivateKeyJWTOAuthProvider`) since 1.23.0.
 * The adapter looks the same up by name; this says what the harness may offer it, so a release is
 * never blamed for what it does not have.
 *
 * @example
 * pythonSdkFeatures('1.0.0') // { transports: ['sse'], oauth: false, grants: [] }
 */
export function pythonSdkFeatures(version: string): {
  transports: readonly Transport[]
  oauth: boolean
  grants: readonly ConfiguredGrant[]
} {
  const at = (since: string) => semver.valid(version) === null || semver.gte(version, since)
  return {
    transports: at('1.8.0') ? ['streamable-http', 'sse'] : ['sse'],
    oauth: at('1.10.0'),
    grants: at('1.23.0') ? ['client-credentials-basic', 'client-credentials-jwt'] : [],
  }
}
