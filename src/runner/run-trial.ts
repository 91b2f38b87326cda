import type { ClientUnderTest } from '../clients/client-under-test.js'
import type { ClientConfig } from '../core/client-config.js'
import { InProcessNetwork } from '../network/in-process-network.js'
import type { MockServer } from '../network/mock-server.js'
import { createScenarioServer } from '../scenario/scenario-server.js'
import type { Scenario } from '../core/scenario.js'
import { startPortServer } from '../network/port-server.js'
import { TrafficLog } from '../traffic/traffic-log.js'
import { captureConsole } from '../runtime/client-console.js'
import { catchClientFaults } from '../runtime/client-faults.js'
import type { ProcessReport, Trial, TrialOutcome } from '../core/trial.js'
import { InputError } from '../core/errors.js'
import { UncaughtClientException } from '../clients/module-client.js'

export interface RunTrialOptions {
  /** The client's whole session must finish within this, or the trial is a timeout. */
  timeoutMs: number
  /** Extra environment for a client in another process. */
  env?: Readonly<Record<string, string>>
  /** Aborted when the user stops the command (Ctrl-C): the client is ended and what it did so far kept. */
  stop?: AbortSignal
}

/** After an abort, how long a client gets to wind down before the harness moves on. */
const ABORT_GRACE_MS = 250
/**
 * How long a client that `startsClock` may take to start before its limit begins: its process
 * becoming ready (a session-loop adapter's imports, a JVM) on a busy machine.
 */
const START_ALLOWANCE_MS = 60_000
/** How long body reads may still take after the server closed its streams. */
const SETTLE_MS = 1000

function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}

interface Driven {
  outcome: TrialOutcome
  process?: ProcessReport
  consoleTail?: string[]
}

/** Runs the client with the trial's timeout; a hang is aborted and reported, never awaited forever. */
async function driveClient(client: ClientUnderTest, config: ClientConfig, options: RunTrialOptions): Promise<Driven> {
  const controller = new AbortController()
  const driven: Driven = { outcome: { kind: 'completed' } }
  let timer: ReturnType<typeof setTimeout> | undefined
  let timeUp: (value: 'timeout') => void = () => undefined
  const timedOut = new Promise<'timeout'>((resolve) => (timeUp = resolve))
  const arm = (ms: number) => {
    clearTimeout(timer)
    timer = setTimeout(() => timeUp('timeout'), ms)
  }
  // A client whose session needs longer than the run gives (a slow agent start-up) gets what it needs.
  // A session held open after its calls (`keepOpenMs`) gets that time on top.
  const limit = Math.max(options.timeoutMs, client.minTimeoutMs ?? 0) + (config.keepOpenMs ?? 0)
  // A client that says when it starts gets its whole limit from then; the wait before is bounded apart.
  arm(client.startsClock ? limit + START_ALLOWANCE_MS : limit)
  const lines: string[] = []
  if (!client.outOfProcess) driven.consoleTail = lines
  const context = {
    signal: controller.signal,
    reportProcess: (report: ProcessReport) => void (driven.process = report),
    reportConsole: (tail: readonly string[]) => void (driven.consoleTail = [...tail]),
    ...(options.env ? { env: options.env } : {}),
    startClock: () => arm(limit),
  }
  // An exception thrown from the client's timers or callbacks ends its trial as a client error.
  let fault: TrialOutcome | undefined
  let onFault: (error: unknown) => void = () => undefined
  const faulted = new Promise<TrialOutcome>((resolve) => {
    onFault = (error) => resolve((fault ??= { kind: 'client-error', message: `uncaught exception: ${errorMessage(error)}` }))
  })
  // `async`: an adapter that throws before its first await is a client error like any other. An
  // InputError is not the client's: the harness cannot drive it at all (a program that never says
  // ready, an installation no longer trusted), and the run stops with it.
  const running = catchClientFaults(onFault, () => captureConsole(lines, async () => client.run(config, context))).then(
    (): TrialOutcome => ({ kind: 'completed' }),
    (error: unknown): TrialOutcome => {
      if (error instanceof InputError) throw error
      if (error instanceof UncaughtClientException)
        return { kind: 'client-error', message: `uncaught exception: ${error.message}` }
      return { kind: 'client-error', message: errorMessage(error) }
    },
  )
  const stopped = new Promise<'stopped'>((resolve) => {
    if (options.stop?.aborted) resolve('stopped')
    options.stop?.addEventListener('abort', () => resolve('stopped'), { once: true })
  })
  const first = await Promise.race([running, faulted, timedOut, stopped])
  clearTimeout(timer)
  if (first === 'stopped') {
    controller.abort()
    await Promise.race([running, new Promise((resolve) => setTimeout(resolve, ABORT_GRACE_MS))])
    driven.outcome = { kind: 'client-error', message: 'stopped (Ctrl-C or SIGTERM) before the session ended' }
  } else if (first === 'timeout') {
    controller.abort()
    await Promise.race([running, new Promise((resolve) => setTimeout(resolve, ABORT_GRACE_MS))])
    driven.outcome = { kind: 'timeout', afterMs: limit }
  } else {
    // A faulted client may still be running: stopped as a timed-out one is.
    if (first === fault) controller.abort()
    driven.outcome = first
  }
  return driven
}

function trialOf(client: ClientUnderTest, config: ClientConfig, log: TrafficLog, driven: Driven, started: number): Trial {
  return {
    client: client.name,
    config,
    exchanges: log.exchanges,
    outcome: driven.outcome,
    durationMs: Math.round(performance.now() - started),
    ...(driven.process ? { process: driven.process } : {}),
    ...(driven.consoleTail && driven.consoleTail.length > 0 ? { consoleTail: [...driven.consoleTail] } : {}),
    ...(log.truncated ? { truncated: true } : {}),
  }
}

/**
 * One client session against any MockServer (a scenario, a replay, or the real network), in
 * process, with the timeout, abort and settle rules of a trial.
 */
export async function runSession(
  client: ClientUnderTest,
  config: ClientConfig,
  server: MockServer,
  options: RunTrialOptions,
): Promise<Trial> {
  const started = performance.now()
  const { log, value: driven } = await InProcessNetwork.shared().run(
    server.handlers,
    async (log) => {
      const result = await driveClient(client, config, options)
      server.close()
      await log.settle(SETTLE_MS)
      return result
    },
    server.unhandled,
  )
  return trialOf(client, config, log, driven, started)
}

/**
 * One client session whose traffic something else captures into `log` (the forward proxy, a port
 * server): the client runs with the trial's timeout and abort rules, then the log settles.
 *
 * @example
 * const proxy = await startForwardProxy({ port: 0 })
 * const trial = await runLoggedSession(client, config, proxy.log, { timeoutMs: 10000, env: proxyEnvironment(proxy) })
 */
export async function runLoggedSession(
  client: ClientUnderTest,
  config: ClientConfig,
  log: TrafficLog,
  options: RunTrialOptions,
): Promise<Trial> {
  const started = performance.now()
  const session = async () => {
    const driven = await driveClient(client, config, options)
    await log.settle(SETTLE_MS)
    return trialOf(client, config, log, driven, started)
  }
  return client.outOfProcess ? session() : InProcessNetwork.shared().outside(session)
}

/** The configured URL moved to another origin, path and query kept. */
export function rebaseUrl(url: string, origin: string): string {
  const parsed = new URL(url)
  return `${origin}${parsed.pathname}${parsed.search}`
}

/**
 * One client session against a mock server on real 127.0.0.1 ports (fresh per trial, so trials can
 * run side by side): the config's URL is moved to one port, and each of `otherOrigins` (an
 * authorization server, a moved server) gets a port of its own, so cross-origin stays cross-origin.
 * `makeServer` receives where each origin now lives; every port shares one traffic log.
 */
export async function runOnPort(
  client: ClientUnderTest,
  config: ClientConfig,
  makeServer: (served: ServedOrigins) => MockServer,
  options: RunTrialOptions,
  otherOrigins: readonly string[] = [],
): Promise<{ trial: Trial; origin: string }> {
  const session = async () => {
    const started = performance.now()
    const configured = new URL(config.url).origin
    const foreign = [...new Set(otherOrigins)].filter((o) => o !== configured)
    const ports = await Promise.all([configured, ...foreign].map(() => startPortServer({ host: '127.0.0.1', port: 0 })))
    const served: ServedOrigins = new Map([configured, ...foreign].map((origin, i) => [origin, ports[i]!.origin]))
    const main = ports[0]!
    // The config names the enterprise identity provider by origin too: it moves to its port with the rest.
    const idp = config.identityProvider && served.get(config.identityProvider)
    const servedConfig = { ...config, url: rebaseUrl(config.url, main.origin), ...(idp ? { identityProvider: idp } : {}) }
    const server = makeServer(served)
    const log = new TrafficLog()
    for (const port of ports) port.use(server.handlers, log)
    try {
      const driven = await driveClient(client, servedConfig, options)
      server.close()
      await log.settle(SETTLE_MS)
      return { trial: trialOf(client, servedConfig, log, driven, started), origin: main.origin }
    } finally {
      await Promise.all(ports.map((port) => port.close()))
    }
  }
  // A client in this process uses this process's fetch, which must not be intercepted meanwhile.
  return client.outOfProcess ? session() : InProcessNetwork.shared().outside(session)
}

/** Where each origin of a real-port trial is served: configured origin → `http://127.0.0.1:PORT`. */
export type ServedOrigins = ReadonlyMap<string, string>

/** The origins besides the configured one that a scenario's server answers on. */
function otherOriginsOf(scenario: Scenario): string[] {
  return [
    ...(scenario.auth.kind === 'oauth' ? [scenario.auth.oauth.asOrigin] : []),
    ...(scenario.auth.kind === 'oauth' && scenario.auth.oauth.migratesTo ? [scenario.auth.oauth.migratesTo] : []),
    ...(scenario.auth.kind === 'oauth' && scenario.auth.oauth.identityProvider ? [scenario.auth.oauth.identityProvider] : []),
    ...(scenario.movedTo ? [scenario.movedTo] : []),
  ]
}

/** A scenario moved onto the ports serving its origins. */
function onOrigins(scenario: Scenario, served: ServedOrigins): Scenario {
  const at = (origin: string) => served.get(origin) ?? origin
  const auth =
    scenario.auth.kind === 'oauth'
      ? {
          kind: 'oauth' as const,
          oauth: {
            ...scenario.auth.oauth,
            asOrigin: at(scenario.auth.oauth.asOrigin),
            ...(scenario.auth.oauth.migratesTo ? { migratesTo: at(scenario.auth.oauth.migratesTo) } : {}),
            ...(scenario.auth.oauth.identityProvider ? { identityProvider: at(scenario.auth.oauth.identityProvider) } : {}),
          },
        }
      : scenario.auth
  return { ...scenario, origin: at(scenario.origin), auth, ...(scenario.movedTo ? { movedTo: at(scenario.movedTo) } : {}) }
}

/**
 * Runs one client session against a Scenario's mock server and returns the Trial: in process for
 * in-process clients, on a real port for process clients. Never throws for anything the client
 * does: errors and hangs become the outcome.
 *
 * @example
 * const trial = await runTrial(SDK_CLIENTS[0], config, scenario, { timeoutMs: 5000 })
 * console.log(trial.outcome.kind, trial.exchanges.length)
 */
export async function runTrial(
  client: ClientUnderTest,
  config: ClientConfig,
  scenario: Scenario,
  options: RunTrialOptions,
): Promise<Trial> {
  if (client.network === 'real-port') {
    let served: Scenario = scenario
    const { trial } = await runOnPort(
      client,
      config,
      (origins) => createScenarioServer((served = onOrigins(scenario, origins))),
      options,
      otherOriginsOf(scenario),
    )
    return { ...trial, scenario: served }
  }
  return { ...(await runSession(client, config, createScenarioServer(scenario), options)), scenario }
}
