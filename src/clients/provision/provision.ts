import { createHash } from 'node:crypto'
import { readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { InputError } from '../../core/errors.js'
import { commandProblem, runProcess } from '../../runtime/child-process.js'
import { packageRoot, readTextIfPresent, userCacheDir, writePrivateFile } from '../../runtime/files.js'
import { writeErr } from '../../runtime/process.js'
import { checkTrustedFile, trustedDir } from '../../runtime/trusted-dir.js'
import type { ClientUnderTest } from '../client-under-test.js'
import type { InstallableClient } from './installable-client.js'

const MARKER = 'installed'

/** `NAME` or `NAME@VERSION` split; the version is whatever follows the last `@` after the first character. */
export function splitVersionedName(text: string): { name: string; version?: string } {
  const at = text.lastIndexOf('@')
  return at > 0 ? { name: text.slice(0, at), version: text.slice(at + 1) } : { name: text }
}

/**
 * Versions go into folder names and command lines: a digit first, then letters, digits, dots,
 * dashes, plus and underscore only. A dist-tag (`latest`) is refused: it moves, and the cache would
 * keep whatever it named first under a name that says otherwise.
 */
function checkVersion(client: InstallableClient, version: string): void {
  if (!/^[0-9][0-9A-Za-z.+_-]{0,63}$/.test(version))
    throw new InputError(
      `"${client.name}@${version.slice(0, 80)}": a version is like ${client.pinned}${/^[a-z]/i.test(version) ? ' (a tag such as latest moves: name the version)' : ''}`,
    )
}

/** What the marker file of a complete installation says: name, version and a digest of the compiled adapter. */
async function markerText(client: InstallableClient, version: string): Promise<string> {
  const digest = createHash('sha256')
  for (const file of client.compiled ?? []) digest.update(await readFile(join(packageRoot(), file)))
  return `${client.name} ${version}${client.compiled ? ` adapter ${digest.digest('hex').slice(0, 16)}` : ''}\n`
}

/** The cache folder of one installed version (it may not exist yet). */
export async function installFolder(client: InstallableClient, version: string): Promise<string> {
  return join(await userCacheDir('clients'), `${client.name}-${version}`)
}

/**
 * Installs `client` at `version` unless the cache has it, printing progress on stderr, and returns
 * its folder. The installation happens in a staging folder renamed into place when complete, so an
 * interrupted install or two harnesses installing at once never leave a half-made one in use.
 *
 * @example
 * const dir = await provision(GO_SDK, '1.8.0') // ~/.cache/mcp-auth-harness/clients/go-sdk-1.8.0
 */
export async function provision(client: InstallableClient, version: string): Promise<string> {
  checkVersion(client, version)
  const dir = await installFolder(client, version)
  const marker = await markerText(client, version)
  if ((await readTextIfPresent(join(dir, MARKER))) === marker) {
    // A marker anyone can compute is no proof the harness built what is there: trust the folder only if it is ours alone.
    await trustedDir(dir)
    await checkTrustedFile(join(dir, MARKER))
    return dir
  }
  for (const toolchain of client.toolchains) {
    const missing = await commandProblem(toolchain.command)
    if (missing)
      throw new InputError(`the ${client.name} client needs ${toolchain.command} on the PATH (${missing}); install ${toolchain.install}`)
  }
  const staging = `${dir}.partial-${process.pid}`
  await rm(staging, { recursive: true, force: true })
  await trustedDir(staging)
  const started = Date.now()
  writeErr(`mcp-auth-harness: ${client.name} ${version}: first use, installing ${client.what(version)} into ${dir}\n`)
  try {
    await client.install(version, staging, (line) => writeErr(`  ${line}\n`))
    await writePrivateFile(join(staging, MARKER), marker)
    await rm(dir, { recursive: true, force: true })
    await rename(staging, dir).catch(async (error: unknown) => {
      // Another harness finished the same install first: use its copy.
      if ((await readTextIfPresent(join(dir, MARKER))) !== marker) throw error
    })
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
  writeErr(`  ${client.name} ${version} ready (${((Date.now() - started) / 1000).toFixed(0)} s)\n`)
  return dir
}

/**
 * The client `client` at `version`, installed first if the cache does not have it; `withoutOAuth`
 * runs its adapter without the SDK's OAuth support (`NAME-no-oauth`), as an app without it would.
 */
export async function installedClient(
  client: InstallableClient,
  version = client.pinned,
  options: { withoutOAuth?: boolean } = {},
): Promise<ClientUnderTest> {
  const dir = await provision(client, version)
  const made = client.client(version, dir)
  const base = options.withoutOAuth ? `${client.name}-no-oauth` : client.name
  const name = version === client.pinned ? base : `${base}@${version}`
  if (!options.withoutOAuth) return { ...made, name, version }
  return {
    ...made,
    name,
    version,
    description: `${made.description}; here without its OAuth support`,
    acceptsOAuthClientId: false,
    run: (config, context) => made.run(config, { ...context, env: { ...context.env, MCP_OAUTH: 'none' } }),
  }
}

/**
 * Runs one installation step to its end; a failure is an input error carrying the last lines it printed
 * (a version that does not exist, a registry that cannot be reached).
 */
export async function installStep(
  command: string,
  args: string[],
  what: string,
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<string> {
  const report = await runProcess({
    command,
    args,
    env: options.env ?? {},
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    signal: new AbortController().signal,
  })
  if (report.exitCode !== 0)
    throw new InputError(
      `${what} failed (${command} ${args.join(' ')}: exit ${report.exitCode}): ${report.stderrTail.trim().split('\n').slice(-4).join(' / ')}`,
    )
  return report.stdoutTail
}
