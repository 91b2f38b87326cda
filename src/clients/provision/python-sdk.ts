import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { InputError } from '../../core/errors.js'
import { commandProblem, runProcess } from '../../runtime/child-process.js'
import { packageRoot, userCacheDir, writePrivateFile } from '../../runtime/files.js'
import { writeErr } from '../../runtime/process.js'
import type { ClientUnderTest } from '../client-under-test.js'
import { commandClient } from '../command-client.js'
import { configFormatByName } from '../../config/formats/registry.js'

/** The `mcp` release the built-in `python-sdk` client runs unless `python-sdk@X.Y.Z` names another. */
export const PYTHON_SDK_VERSION = '2.3.0'

/** `python-sdk` or `python-sdk@X.Y.Z`: the version asked for, or undefined when the name is another client's. */
export function pythonSdkVersion(name: string): string | undefined {
  const match = /^python-sdk(?:@(\d+\.\d+\.\d+(?:[.-]?\w+)?))?$/.exec(name)
  return match ? (match[1] ?? PYTHON_SDK_VERSION) : undefined
}

async function run(command: string, args: string[], what: string): Promise<void> {
  const report = await runProcess({ command, args, env: {}, signal: new AbortController().signal })
  if (report.exitCode !== 0)
    throw new InputError(
      `${what} failed (${command} ${args.join(' ')}: exit ${report.exitCode}): ${report.stderrTail.trim().split('\n').slice(-3).join(' / ')}`,
    )
}

/**
 * The official Python SDK at `version`, installed on first use into a virtual environment in the
 * per-user cache (`clients/python-sdk-X.Y.Z/`), with progress on stderr; returns its interpreter.
 * A missing `python3` is an input error naming what to install.
 *
 * @example
 * const python = await provisionPythonSdk('2.3.0') // ~/.cache/mcp-auth-harness/clients/python-sdk-2.3.0/venv/bin/python
 */
export async function provisionPythonSdk(version: string): Promise<string> {
  const dir = await userCacheDir('clients', `python-sdk-${version}`)
  const python = join(dir, 'venv', 'bin', 'python')
  const marker = join(dir, 'installed')
  if (existsSync(marker) && existsSync(python)) return python
  const missing = await commandProblem('python3')
  if (missing)
    throw new InputError(
      `the python-sdk client needs Python 3.10 or newer as python3 on the PATH (${missing}); install it (Debian: apt-get install python3 python3-venv)`,
    )
  writeErr(`mcp-auth-harness: python-sdk ${version}: first use, installing into ${dir}\n`)
  writeErr('  creating a virtual environment …\n')
  await run('python3', ['-m', 'venv', '--clear', join(dir, 'venv')], 'creating the virtual environment')
  writeErr(`  pip install mcp==${version} …\n`)
  await run(
    python,
    ['-m', 'pip', 'install', '--disable-pip-version-check', '--quiet', `mcp==${version}`],
    `installing mcp==${version}`,
  )
  await writePrivateFile(marker, `mcp==${version}\n`)
  writeErr(`  python-sdk ${version} ready\n`)
  return python
}

/**
 * The official Python SDK (`mcp` on PyPI) as a client: the adapter shipped in
 * `clients/python-sdk/client.py`, run per trial with the provisioned interpreter, speaking the
 * `cmd:` contract (both transports, the SDK's own OAuth provider, the headless browser).
 */
export async function pythonSdkClient(version: string): Promise<ClientUnderTest> {
  const python = await provisionPythonSdk(version)
  const adapter = join(packageRoot(), 'clients', 'python-sdk', 'client.py')
  const base = commandClient(`"${python}" "${adapter}" {url}`, configFormatByName('json'))
  return {
    ...base,
    name: version === PYTHON_SDK_VERSION ? 'python-sdk' : `python-sdk@${version}`,
    // The adapter hands MCP_OAUTH_CLIENT_ID to the SDK's token storage: it is told of a pre-registered client.
    acceptsOAuthClientId: true,
    description: `the official Python SDK, mcp ${version} (PyPI), through its adapter; OAuth with the SDK's OAuthClientProvider`,
  }
}
