// Time to a certain verdict on real clients: the wall time of a whole coverage phase (every property)
// for the in-process SDK client and for each built-in client in another process, the latter at
// concurrency 2, 4 and 8 on this machine; and what start-up caches save (`npm run bench -- --only clients`).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PROPERTIES } from '../properties/index.js'
import type { ClientUnderTest } from '../src/clients/client-under-test.js'
import type { AgentCli } from '../src/clients/agents/agent-cli.js'
import { findInstallable } from '../src/clients/provision/installable-clients.js'
import { installedClient } from '../src/clients/provision/provision.js'
import type { TrialOutcome } from '../src/core/trial.js'
import { runProcess } from '../src/runtime/child-process.js'
import { cpuCount } from '../src/runtime/process.js'
import { DEFAULT_TIMEOUT_MS, fuzz, type FuzzStats } from '../src/runner/fuzz.js'

export interface CoverageTime {
  client: string
  concurrency: number | 'default'
  seconds: number
  trials: number
  outcomes: Record<TrialOutcome['kind'], number>
}

/** One whole coverage phase of `client`, every property judged, no shrinking. */
export async function coverageTime(client: ClientUnderTest, concurrency?: number): Promise<CoverageTime> {
  const stats: FuzzStats = { trials: 0 }
  const started = performance.now()
  await fuzz({
    clients: [client],
    properties: PROPERTIES,
    runs: 1,
    phases: ['coverage'],
    timeoutMs: DEFAULT_TIMEOUT_MS,
    shrink: false,
    stats,
    ...(concurrency === undefined ? {} : { concurrency }),
  })
  return {
    client: client.name,
    concurrency: concurrency ?? 'default',
    seconds: (performance.now() - started) / 1000,
    trials: stats.trials,
    outcomes: stats.outcomes ?? { completed: 0, 'client-error': 0, timeout: 0 },
  }
}

/** A built-in installable client at its pinned version, installed on first use; undefined when its toolchain is missing. */
export async function builtIn(name: string): Promise<ClientUnderTest | undefined> {
  const found = findInstallable(name)!
  return installedClient(found.client, found.version).catch((error: unknown) => {
    console.error(`bench: ${name} left out: ${(error as Error).message}`)
    return undefined
  })
}

/** Median wall time in ms of `runs` starts of a command. */
async function startMs(command: string, args: string[], env: Record<string, string>, runs = 5): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await runProcess({ command, args, env, signal: AbortSignal.timeout(120_000) })
    times.push(performance.now() - started)
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!
}

export interface StartUp {
  what: string
  cachedMs: number
  uncachedMs: number
}

/**
 * What each start-up cache saves, as the median of a few starts with and without it: an agent CLI's
 * `--version` with the V8 compile cache, the Python adapter's imports with precompiled bytecode, and
 * the Java adapter with its class-data-sharing archive (the JVM starting the SDK and failing to connect).
 */
export async function startUps(preset: AgentCli): Promise<StartUp[]> {
  const rows: StartUp[] = []
  const agent = preset.name
  if (await builtIn(agent)) {
    const dir = cacheDirOf(agent, preset.pinned)
    const bin = join(dir, 'node_modules', '.bin', preset.bin)
    const cache = join(dir, '.node-compile-cache')
    // Once to fill the cache (a trial's first start does the same), then timed.
    await startMs(process.execPath, [bin, '--version'], { NODE_COMPILE_CACHE: cache }, 1)
    rows.push({
      what: `${agent} --version, V8 compile cache`,
      cachedMs: await startMs(process.execPath, [bin, '--version'], { NODE_COMPILE_CACHE: cache }),
      uncachedMs: await startMs(process.execPath, [bin, '--version'], { NODE_DISABLE_COMPILE_CACHE: '1' }),
    })
  }
  const python = findInstallable('python-sdk')!
  if (await builtIn('python-sdk')) {
    const bin = join(cacheDirOf('python-sdk', python.version), 'venv', 'bin', 'python')
    const imports = ['-c', 'import mcp, mcp.client.streamable_http, mcp.client.sse, mcp.client.auth']
    const prefix = mkdtempSync(join(tmpdir(), 'bench-pycache-'))
    rows.push({
      what: 'python-sdk adapter imports, precompiled bytecode',
      cachedMs: await startMs(bin, imports, {}),
      // An empty cache prefix that is never written: every start compiles every module again.
      uncachedMs: await startMs(bin, imports, { PYTHONPYCACHEPREFIX: prefix, PYTHONDONTWRITEBYTECODE: '1' }),
    })
    rmSync(prefix, { recursive: true, force: true })
  }
  const java = await builtIn('java-sdk')
  if (java) {
    const dir = cacheDirOf('java-sdk', findInstallable('java-sdk')!.version)
    const classpath = `${join(dir, 'classes')}:${readFileSync(join(dir, 'classpath.txt'), 'utf8').trim()}`
    const session = ['-cp', classpath, 'Main', 'http://127.0.0.1:9/mcp']
    rows.push({
      what: 'java-sdk adapter start (SDK loaded, connection refused), CDS archive',
      cachedMs: await startMs('java', [`-XX:SharedArchiveFile=${join(dir, 'adapter.jsa')}`, '-Xlog:cds=off', ...session], {}),
      uncachedMs: await startMs('java', ['-Xshare:off', ...session], {}),
    })
  }
  return rows
}

/** Where an installed client lives in the cache. */
function cacheDirOf(name: string, version: string): string {
  return join(
    process.env.XDG_CACHE_HOME ?? join(process.env.HOME ?? '', '.cache'),
    'mcp-auth-harness',
    'clients',
    `${name}-${version}`,
  )
}

/** The built-in SDK clients in other languages (and the TypeScript SDK through its adapter), each through its session loop. */
export const SDK_ADAPTERS = ['ts-sdk', 'python-sdk', 'go-sdk', 'rust-sdk', 'java-sdk'] as const

export interface ClientCoverage {
  baseline: CoverageTime
  rows: CoverageTime[]
  agent?: CoverageTime
  startUps: StartUp[]
  lines: string[]
}

/**
 * The coverage phase's wall time of each built-in SDK adapter (at the default concurrency, and at 2,
 * 4 and 8 for `concurrencyOf`), of `agent`, and the start-up caches, beside the in-process client's.
 */
export async function clientCoverage(
  inProcess: ClientUnderTest,
  agent: AgentCli | undefined,
  concurrencyOf: readonly string[] = ['python-sdk', 'rust-sdk'],
): Promise<ClientCoverage> {
  const baseline = await coverageTime(inProcess)
  const rows: CoverageTime[] = []
  for (const name of SDK_ADAPTERS) {
    const client = await builtIn(name)
    if (!client) continue
    if (!concurrencyOf.includes(name)) rows.push(await coverageTime(client))
    // The default (two per core) is one of these: marked as the default, run once.
    else
      for (const concurrency of [2, 4, 8])
        rows.push(await coverageTime(client, concurrency === 2 * cpuCount() ? undefined : concurrency))
  }
  const agentClient = agent && (await builtIn(agent.name))
  const agentTime = agentClient ? await coverageTime(agentClient) : undefined
  const starts = agent ? await startUps(agent) : []
  const line = (row: CoverageTime) =>
    `${`${row.client}${row.concurrency === 'default' ? '' : ` (${row.concurrency} at once)`}`.padEnd(40)}${row.seconds.toFixed(1).padStart(8)} s${`${row.trials}`.padStart(6)} trials${`${row.outcomes.timeout}`.padStart(5)} timeouts${(row.seconds / baseline.seconds).toFixed(1).padStart(8)} ×`
  const lines = [
    `whole coverage phase, every property judged (wall time; × the in-process ${inProcess.name}'s; default: ${2 * cpuCount()} at once for a session loop, ${cpuCount()} for an agent CLI)`,
    line(baseline),
    ...rows.map(line),
    ...(agentTime ? [`slowest agent CLI: ${line(agentTime)}`] : []),
    '',
    'start-up caches (median of 5 starts)',
    ...starts.map(
      (s) =>
        `${s.what.padEnd(72)}${s.cachedMs.toFixed(0).padStart(7)} ms with,${s.uncachedMs.toFixed(0).padStart(7)} ms without (${(s.uncachedMs / s.cachedMs).toFixed(2)} ×)`,
    ),
  ]
  return { baseline, rows, ...(agentTime ? { agent: agentTime } : {}), startUps: starts, lines }
}

/** Of a row's wall time, what its hangs cost at least: each waits out the whole timeout, `at` at once. */
function hangSeconds(row: CoverageTime, at: number): number {
  return (row.outcomes.timeout * DEFAULT_TIMEOUT_MS) / 1000 / at
}

/** The two goals of time to a verdict on real clients, each with its figure and where the time went. */
export function clientGoalLines(coverage: ClientCoverage): string[] {
  const { baseline, agent } = coverage
  const defaults = coverage.rows.filter((row) => row.concurrency === 'default')
  const slowest = defaults.reduce<CoverageTime | undefined>(
    (a, b) => (a === undefined || b.seconds > a.seconds ? b : a),
    undefined,
  )
  const at = 2 * cpuCount()
  const hung = slowest ? hangSeconds(slowest, at) : 0
  return [
    `  an SDK adapter's whole coverage phase ≤ 3 × the in-process client's (${baseline.seconds.toFixed(1)} s, ${((baseline.seconds / baseline.trials) * 1000).toFixed(0)} ms a trial): ${
      slowest
        ? `slowest ${slowest.client} ${(slowest.seconds / baseline.seconds).toFixed(1)} ×: ${slowest.outcomes.timeout} trials hung, ${hung.toFixed(1)} s of its ${slowest.seconds.toFixed(1)} s waiting out the ${DEFAULT_TIMEOUT_MS / 1000} s timeout ${at} at once; the rest ${(((slowest.seconds - hung) / slowest.trials) * 1000).toFixed(0)} ms a trial`
        : 'no SDK adapter installed'
    }`,
    `  an agent CLI ≤ 2 minutes: ${
      agent
        ? `${agent.client} ${(agent.seconds / 60).toFixed(1)} min, ${agent.trials} trials ${cpuCount()} at once: ${((agent.seconds * cpuCount()) / agent.trials).toFixed(1)} s a trial per core, each a process started`
        : 'not measured (no npm)'
    }`,
  ]
}
