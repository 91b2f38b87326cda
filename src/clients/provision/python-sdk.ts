import { join } from 'node:path'
import { packageRoot } from '../../runtime/files.js'
import { commandClient } from '../command-client.js'
import { configFormatByName } from '../../config/formats/registry.js'
import type { InstallableClient } from './installable-client.js'
import { installStep } from './provision.js'

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
  async install(version, dir, progress) {
    progress('creating a virtual environment …')
    await installStep('python3', ['-m', 'venv', join(dir, 'venv')], 'creating the virtual environment')
    progress(`pip install mcp==${version} …`)
    await installStep(
      join(dir, 'venv', 'bin', 'python'),
      ['-m', 'pip', 'install', '--disable-pip-version-check', '--quiet', `mcp==${version}`],
      `installing mcp==${version}`,
    )
  },
  client(version, dir) {
    const python = join(dir, 'venv', 'bin', 'python')
    const adapter = join(packageRoot(), 'clients', 'python-sdk', 'client.py')
    return {
      ...commandClient(`"${python}" "${adapter}" {url}`, configFormatByName('json')),
      // The adapter hands MCP_OAUTH_CLIENT_ID to the SDK's token storage: it is told of a pre-registered client.
      acceptsOAuthClientId: true,
      description: `${PYTHON_SDK.what(version)} through its adapter; OAuth with the SDK's OAuthClientProvider`,
    }
  },
}
