import { lstat, mkdir, readdir, stat, unlink } from 'node:fs/promises'
import { delimiter, dirname, join } from 'node:path'
import process from 'node:process'
import { runProcess } from '../../runtime/child-process.js'
import { withTempDir } from '../../runtime/files.js'
import type { ClientUnderTest } from '../client-under-test.js'
import { installBrowser } from '../headless-browser.js'
import { processFailure } from '../process-failure.js'
import type { InstallableClient } from '../provision/installable-client.js'
import { installStep } from '../provision/provision.js'
import { npmResolvedDependencies } from '../provision/npm-resolved.js'
import { npmReleaseDate } from '../provision/release-date.js'
import { npmVersions } from '../provision/released-versions.js'
import type { AgentCli } from './agent-cli.js'
import { startModelApiRefuser } from './model-api-refuser.js'

/** The environment every agent trial gets: its own HOME and config/data/cache/temp folders under it. */
function isolatedEnvironment(home: string): Record<string, string> {
  return {
    HOME: home,
    USERPROFILE: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
    XDG_CACHE_HOME: join(home, '.cache'),
    TMPDIR: join(home, 'tmp'),
    // Nothing of the user's own proxies or update checks leaks into a trial.
    NO_UPDATE_NOTIFIER: '1',
    CI: '1',
  }
}

/**
 * Runs one trial of `agent` (installed in `dir`): a fresh HOME, its config written natively, the
 * model API a local refuser, the headless browser on PATH, the harness's Node first on PATH with a
 * compile cache in the installation. A CLI with a model has completed its
 * session when it asked the model (its MCP start-up is behind it); one that ends before that is a
 * client error carrying its last line. A CLI without a model is judged by its exit code.
 */
function agentClient(agent: AgentCli, version: string, dir: string): ClientUnderTest {
  const executable = join(dir, 'node_modules', '.bin', agent.bin)
  return {
    name: agent.name,
    description: `${agent.what(version)}, in an isolated HOME${agent.usesModel ? ', its model API a local refuser' : ''}`,
    transports: agent.transports,
    network: 'real-port',
    outOfProcess: true,
    // Its limit counts from its start, not from making its HOME and model refuser.
    startsClock: true,
    ...(agent.minTimeoutMs ? { minTimeoutMs: agent.minTimeoutMs } : {}),
    acceptsOAuthClientId: agent.acceptsOAuthClientId(version),
    ...(agent.configurableHeaders ? { configurableHeaders: agent.configurableHeaders(version) } : {}),
    run: (config, context) =>
      withTempDir(async (trialDir) => {
        const home = join(trialDir, 'home')
        const env = isolatedEnvironment(home)
        for (const folder of [env.XDG_CONFIG_HOME!, env.XDG_DATA_HOME!, env.XDG_STATE_HOME!, env.XDG_CACHE_HOME!, env.TMPDIR!])
          await mkdir(folder, { recursive: true, mode: 0o700 })
        const model = agent.usesModel ? await startModelApiRefuser() : undefined
        try {
          const launch = await agent.prepare({ config, version, home, modelApi: model?.origin })
          const browser = await installBrowser(trialDir)
          context.startClock?.()
          const report = await runProcess({
            command: executable,
            args: launch.args,
            env: {
              ...context.env,
              ...env,
              ...launch.env,
              BROWSER: browser.script,
              // The CLI runs on the harness's own Node (22.19 or newer), whose V8 compile cache,
              // kept beside the installation, spares every trial after the first its compile time.
              NODE_COMPILE_CACHE: join(dir, '.node-compile-cache'),
              PATH: [browser.bin, dirname(process.execPath), process.env.PATH ?? ''].join(delimiter),
            },
            signal: context.signal,
            ...(agent.needsOpenStdin ? { openStdin: true } : {}),
          })
          context.reportProcess(report)
          if (context.signal.aborted) return
          if (model ? model.requests() > 0 : report.exitCode === 0) return
          const output = `${report.stderrTail}\n${report.stdoutTail}`
          throw new Error(processFailure(report, output, model ? (why) => `ended before it asked the model (${why})` : undefined))
        } finally {
          await model?.close()
        }
      }),
  }
}

/**
 * Removes the symbolic links in the packages' `bin` folders (`node_modules/PKG/bin`,
 * `node_modules/@SCOPE/PKG/bin`) whose target is gone; returns how many.
 */
async function removeDanglingBinLinks(dir: string): Promise<number> {
  const modules = join(dir, 'node_modules')
  const entries = await readdir(modules).catch(() => [] as string[])
  const packages = (
    await Promise.all(
      entries.map(async (name) =>
        name.startsWith('@')
          ? (await readdir(join(modules, name)).catch(() => [] as string[])).map((inner) => join(name, inner))
          : [name],
      ),
    )
  ).flat()
  let removed = 0
  for (const name of packages) {
    const bin = join(modules, name, 'bin')
    for (const file of await readdir(bin).catch(() => [] as string[])) {
      const path = join(bin, file)
      const isLink = (await lstat(path)).isSymbolicLink()
      if (
        isLink &&
        !(await stat(path).then(
          () => true,
          () => false,
        ))
      ) {
        await unlink(path)
        removed += 1
      }
    }
  }
  return removed
}

/** An agent CLI preset as a client installed on first use: `npm install PACKAGE@VERSION` into the cache. */
export function agentInstallable(agent: AgentCli): InstallableClient {
  return {
    name: agent.name,
    pinned: agent.pinned,
    ...(agent.oldest ? { oldest: agent.oldest } : {}),
    what: agent.what,
    toolchains: [{ command: 'npm', install: 'Node.js with npm' }],
    releaseDate: (version) => npmReleaseDate(agent.packageName, version),
    versions: () => npmVersions(agent.packageName),
    async install(version, dir, progress, releasedAt) {
      // --before: each dependency at the newest version published by the release (an old CLI with
      // today's MCP SDK would not show a bug that lived in the SDK of its time).
      const before = releasedAt ? [`--before=${releasedAt}`] : []
      progress(`npm install ${agent.packageName}@${version} ${before.join(' ')}…`)
      await installStep(
        'npm',
        ['install', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error', ...before, `${agent.packageName}@${version}`],
        `installing ${agent.packageName}@${version}`,
      )
    },
    resolvedDependencies: (dir) => npmResolvedDependencies(dir, agent.packageName),
    async relink(dir, progress) {
      // Install scripts that linked by absolute path (opencode's platform binary) pointed into the
      // staging folder: run them again where the installation now is. Their links into the staging
      // folder go first: a script that links without replacing fails on one already there (EEXIST).
      const removed = await removeDanglingBinLinks(dir)
      if (removed > 0) progress(`removed ${removed} link(s) into the staging folder`)
      progress('npm rebuild (install scripts again, in the final folder) …')
      await installStep('npm', ['rebuild', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error'], 'relinking')
    },
    programs: (_version, dir) => [join(dir, 'node_modules', '.bin', agent.bin)],
    client: (version, dir) => agentClient(agent, version, dir),
  }
}
