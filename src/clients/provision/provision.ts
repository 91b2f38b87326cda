import { createHash } from 'node:crypto'
import { readdir, readFile, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { InputError } from '../../core/errors.js'
import { commandProblem, runProcess } from '../../runtime/child-process.js'
import { packageRoot, readTextIfPresent, removeOnInterrupt, userCacheDir, writePrivateFile } from '../../runtime/files.js'
import { writeErr } from '../../runtime/process.js'
import { checkTrustedFile, checkTrustedProgram, trustedDir } from '../../runtime/trusted-dir.js'
import type { ClientUnderTest } from '../client-under-test.js'
import type { InstallableClient } from './installable-client.js'

const MARKER = 'installed'

/**
 * Versions go into folder names and command lines: a digit first, then letters, digits, dots,
 * dashes, plus and underscore only. A dist-tag (`latest`) is refused: it moves, and the cache would
 * keep whatever it named first under a name that says otherwise.
 */
function checkVersion(client: InstallableClient, version: string): void {
  const hint = (text: string) =>
    /^v[0-9]/.test(text)
      ? ` (without the v: ${client.name}@${text.slice(1, 81)})`
      : /^[a-z]/i.test(text)
        ? ' (a tag such as latest moves: name the version)'
        : ''
  if (!/^[0-9][0-9A-Za-z.+_-]{0,63}$/.test(version))
    throw new InputError(`"${client.name}@${version.slice(0, 80)}": a version is like ${client.pinned}${hint(version)}`)
}

/**
 * The first line of the marker file of a complete installation: name, version, a digest of the
 * compiled adapter, and that its dependencies were resolved as of the release. The lines after it
 * record what the install resolved (`released DATE`, `dependency NAME VERSION`).
 */
async function markerIdentity(client: InstallableClient, version: string): Promise<string> {
  const digest = createHash('sha256')
  for (const file of client.compiled ?? []) digest.update(await readFile(join(packageRoot(), file)))
  return `${client.name} ${version}${client.compiled ? ` adapter ${digest.digest('hex').slice(0, 16)}` : ''}${client.releaseDate ? ' faithful' : ''}`
}

/** What an installation's marker records beyond its identity. */
export interface InstalledFacts {
  releasedAt?: string
  dependencies: Record<string, string>
}

/** The facts recorded in a marker's lines after the first. */
function factsOf(marker: string): InstalledFacts {
  const facts: InstalledFacts = { dependencies: {} }
  for (const line of marker.split('\n').slice(1)) {
    const [kind, first, second] = line.split(' ')
    if (kind === 'released' && first) facts.releasedAt = first
    if (kind === 'dependency' && first && second) facts.dependencies[first] = second
  }
  return facts
}

/** A staging folder is the cache folder's name, this, and the installing process's id. */
const PARTIAL = '.partial-'

/**
 * Removes the staging folders of `dir` left by installs whose process is gone (killed with
 * SIGKILL, a machine that lost power): they are never used, only space.
 */
async function removeAbandonedStaging(dir: string): Promise<void> {
  const parent = dirname(dir)
  const prefix = `${basename(dir)}${PARTIAL}`
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    const pid = Number(name.slice(prefix.length))
    if (!name.startsWith(prefix) || !Number.isInteger(pid) || pid === process.pid || processRuns(pid)) continue
    await rm(join(parent, name), { recursive: true, force: true })
  }
}

/** Whether a process with this id runs (signal 0 asks without sending anything). */
function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
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
export async function provision(
  client: InstallableClient,
  version: string,
  options: { log?: (line: string) => void } = {},
): Promise<{ dir: string } & InstalledFacts> {
  const log = options.log ?? ((line: string) => writeErr(`${line}\n`))
  checkVersion(client, version)
  const dir = await installFolder(client, version)
  const identity = await markerIdentity(client, version)
  const present = await readTextIfPresent(join(dir, MARKER))
  if (present?.split('\n')[0] === identity) {
    // A marker anyone can compute is no proof the harness built what is there: trust the folder only if it is ours alone.
    await trustedDir(dir)
    await checkTrustedFile(join(dir, MARKER))
    return { dir, ...factsOf(present) }
  }
  for (const toolchain of client.toolchains) {
    const missing = await commandProblem(toolchain.command)
    if (missing)
      throw new InputError(
        `the ${client.name} client needs ${toolchain.command} on the PATH (${missing}); install ${toolchain.install}`,
      )
  }
  const staging = `${dir}${PARTIAL}${process.pid}`
  await removeAbandonedStaging(dir)
  await rm(staging, { recursive: true, force: true })
  await trustedDir(staging)
  // Ctrl-C mid-install (bisect, matrix, a first fuzz) removes it: no half-made folder is left behind.
  const unmark = removeOnInterrupt(staging)
  const started = Date.now()
  log(`mcp-auth-harness: ${client.name} ${version}: first use, installing ${client.what(version)} into ${dir}`)
  const progress = (line: string) => log(`  ${line}`)
  let marker: string
  try {
    const releasedAt = client.releaseDate ? await client.releaseDate(version) : undefined
    if (releasedAt) progress(`released ${releasedAt}: its dependencies as of that date`)
    await client.install(version, staging, progress, releasedAt)
    const dependencies = (await client.resolvedDependencies?.(staging)) ?? {}
    marker = [
      identity,
      ...(releasedAt ? [`released ${releasedAt}`] : []),
      ...Object.entries(dependencies).map(([name, resolved]) => `dependency ${name} ${resolved}`),
      '',
    ].join('\n')
    // The marker goes in last (after any relinking), so a folder without it is never taken as complete.
    await rm(dir, { recursive: true, force: true })
    await rename(staging, dir).catch(async (error: unknown) => {
      // Another harness finished the same install first: use its copy.
      if ((await readTextIfPresent(join(dir, MARKER)))?.split('\n')[0] !== identity) throw error
    })
    if (!(await readTextIfPresent(join(dir, MARKER)))) {
      await client.relink?.(dir, progress)
      await writePrivateFile(join(dir, MARKER), marker)
    }
  } finally {
    await rm(staging, { recursive: true, force: true })
    unmark()
  }
  log(`  ${client.name} ${version} ready (${((Date.now() - started) / 1000).toFixed(0)} s)`)
  return { dir, ...factsOf(marker) }
}

/**
 * The client `client` at `version`, installed first if the cache does not have it; `withoutOAuth`
 * runs its adapter without the SDK's OAuth support (`NAME-no-oauth`), as an app without it would.
 */
export async function installedClient(
  client: InstallableClient,
  version = client.pinned,
  options: { withoutOAuth?: boolean; log?: (line: string) => void } = {},
): Promise<ClientUnderTest> {
  const { dir, releasedAt, dependencies } = await provision(client, version, options.log ? { log: options.log } : {})
  const installed = client.client(version, dir)
  // Checked again before every session, not only at install: between two starts of its program
  // (a session loop starts one per trial at once, and again after one dies) the folder must still be
  // ours alone, its marker the one we wrote, and what it starts ours (or root's) and unwritable by others.
  const made: ClientUnderTest = {
    ...installed,
    run: async (config, context) => {
      await trustedDir(dir)
      await checkTrustedFile(join(dir, MARKER))
      for (const program of client.programs(version, dir)) await checkTrustedProgram(program)
      return installed.run(config, context)
    },
  }
  const base = options.withoutOAuth ? `${client.name}-no-oauth` : client.name
  const name = version === client.pinned ? base : `${base}@${version}`
  const facts = { version, ...(releasedAt ? { releasedAt } : {}), dependencies }
  if (!options.withoutOAuth) return { ...made, name, ...facts }
  return {
    ...made,
    name,
    ...facts,
    description: `${made.description}; here without its OAuth support`,
    acceptsOAuthClientId: false,
    run: (config, context) => made.run(config, { ...context, env: { ...context.env, MCP_OAUTH: 'none' } }),
  }
}

/** A command line cut to a readable length (a javac classpath runs to thousands of characters). */
function shortened(line: string): string {
  return line.length > 240 ? `${line.slice(0, 200)} … ${line.slice(-30)}` : line
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
      `${what} failed (${shortened(`${command} ${args.join(' ')}`)}: exit ${report.exitCode}): ${report.stderrTail.trim().split('\n').slice(-4).join(' / ')}`,
    )
  return report.stdoutTail
}
