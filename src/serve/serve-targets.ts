import { http } from 'msw/http'
import { getResponse } from 'msw/utils/get-response'
import type { ClientConfig, Transport } from '../core/client-config.js'
import type { Recording } from '../recording/recording.js'
import { createReplayServer, type ReplayOptions, type ReplayServer } from '../replay/replay-server.js'
import { buildNamedScenario, type NamedScenario } from '../scenario/named-scenarios.js'
import { createScenarioServer } from '../scenario/scenario-server.js'
import { resolveScenario } from '../scenario/resolve-scenario.js'
import { baseInput, withValues } from '../dimensions/base-input.js'
import { DIMENSIONS } from '../dimensions/dimensions.js'
import type { TrafficLog } from '../traffic/traffic-log.js'
import { rewriteOriginInResponse } from '../traffic/rewrite-origin.js'
import { rebaseUrl } from '../runner/run-trial.js'
import { startPortServer, type PortServer } from '../network/port-server.js'

/** What `serve` runs: one port per origin, the config a correctly set-up client would have, and how to stop. */
export interface ServeTarget {
  ports: PortServer[]
  config: ClientConfig
  /** Replay only: requests the recording could not answer. */
  replay?: ReplayServer
  close(): Promise<void>
}

export interface Listen {
  host: string
  port: number
}

/**
 * A named scenario on one real port. The config to judge by is the served URL with the headers
 * given, or else the header the scenario requires (what a correctly configured client sends). A
 * given header the scenario requires sets the value it requires.
 */
export async function serveScenario(
  named: NamedScenario,
  listen: Listen,
  log: TrafficLog,
  options: { transport: Transport; path: string; headers: Record<string, string> },
): Promise<ServeTarget> {
  // The server wants the value the client is configured with: `--header "X-API-Key: K"` makes K the key.
  const auth = named.auth
  const given =
    auth.kind === 'static-header'
      ? Object.entries(options.headers).find(([name]) => name.toLowerCase() === auth.header.toLowerCase())
      : undefined
  if (given && auth.kind === 'static-header') named = { ...named, auth: { ...auth, value: given[1] } }
  const port = await startPortServer(listen)
  const server = createScenarioServer(buildNamedScenario(named, port.origin, options.path, options.transport))
  port.use(server.handlers, log)
  const required = named.auth.kind === 'static-header' ? { [named.auth.header]: named.auth.value } : {}
  const headers = Object.keys(options.headers).length > 0 ? options.headers : required
  return {
    ports: [port],
    config: { transport: options.transport, url: `${port.origin}${options.path}`, headers },
    async close() {
      server.close()
      await port.close()
    },
  }
}

/**
 * Full OAuth on two real ports: the MCP server on `listen.port`, its authorization server on the
 * next one (another origin, as in most deployments): the base OAuth scenario of the fuzz
 * dimensions, so `serve` and `fuzz` speak the same OAuth.
 */
export async function serveOAuthScenario(
  listen: Listen,
  log: TrafficLog,
  options: { transport: Transport; path: string; headers: Record<string, string> },
): Promise<ServeTarget> {
  const mcp = await startPortServer(listen)
  const as = await startPortServer({ host: listen.host, port: listen.port === 0 ? 0 : listen.port + 1 })
  const config: ClientConfig = { transport: options.transport, url: `${mcp.origin}${options.path}`, headers: options.headers }
  const { plan } = withValues(baseInput(DIMENSIONS), DIMENSIONS, { auth: 'oauth' })
  const scenario = resolveScenario(config, plan)
  if (scenario.auth.kind !== 'oauth') throw new Error('the base OAuth plan did not resolve to an OAuth scenario')
  const server = createScenarioServer({
    ...scenario,
    auth: { kind: 'oauth', oauth: { ...scenario.auth.oauth, asOrigin: as.origin } },
  })
  for (const port of [mcp, as]) port.use(server.handlers, log)
  return {
    ports: [mcp, as],
    config,
    async close() {
      server.close()
      await Promise.all([mcp.close(), as.close()])
    },
  }
}

/** Every origin a recording talks to, its configured server's first. */
function recordedOrigins(recording: Recording): string[] {
  const origins = [new URL(recording.config.url).origin, ...recording.exchanges.map((e) => new URL(e.request.url).origin)]
  return [...new Set(origins)]
}

/**
 * A recording replayed on real ports: its configured origin on `listen.port`, every other origin
 * it talked to (an authorization server, say) on the next ports. Requests are moved to the
 * recorded origins before matching, and recorded origins in answers to the served ones.
 */
export async function serveRecording(
  recording: Recording,
  listen: Listen,
  log: TrafficLog,
  options: ReplayOptions,
): Promise<ServeTarget> {
  const replay = createReplayServer(recording, options)
  const origins = recordedOrigins(recording)
  const ports: PortServer[] = []
  for (const [i] of origins.entries())
    ports.push(await startPortServer({ host: listen.host, port: listen.port === 0 ? 0 : listen.port + i }))
  const served = new Map(origins.map((origin, i) => [origin, ports[i]!.origin]))
  const toServed = (response: Response) =>
    [...served].reduce((current, [recorded, live]) => rewriteOriginInResponse(current, recorded, live), response)
  origins.forEach((recordedOrigin, i) => {
    const handler = http.all('*', async ({ request }) => {
      const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
      const translated = new Request(rebaseUrl(request.url, recordedOrigin), {
        method: request.method,
        headers: request.headers,
        ...(hasBody ? { body: await request.arrayBuffer() } : {}),
      })
      const response = (await getResponse(replay.handlers, translated)) ?? new Response('Not Found', { status: 404 })
      return toServed(response)
    })
    ports[i]!.use([handler], log)
  })
  return {
    ports,
    replay,
    config: { ...recording.config, url: rebaseUrl(recording.config.url, ports[0]!.origin) },
    async close() {
      replay.close()
      await Promise.all(ports.map((port) => port.close()))
    },
  }
}
