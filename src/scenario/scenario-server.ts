import { http } from 'msw/http'
import type { Scenario } from '../core/scenario.js'
import { ServerState } from './server-state.js'
import { streamableHttpHandlers } from './streamable-http-handlers.js'
import { legacySseHandlers } from './legacy-sse-handlers.js'
import { notFound } from './not-found.js'
import { oauthHandlers } from './oauth-handlers.js'
import type { MockServer } from '../network/mock-server.js'

/** A Scenario made live: its msw handlers and a `close()` that ends every stream it opened. */
export type ScenarioServer = MockServer

/** Every request to `origin` answered with a 307 to the same path and query on `movedTo` (method and body kept). */
function movedPermanently(origin: string, movedTo: string) {
  return http.all(
    ({ request }) => new URL(request.url).origin === origin,
    ({ request }) => {
      const url = new URL(request.url)
      return new Response(null, { status: 307, headers: { location: `${movedTo}${url.pathname}${url.search}` } })
    },
  )
}

/**
 * Turns a Scenario into msw handlers: the MCP endpoint for its transport, then a catch-all
 * that answers every other URL on any origin (well-known URIs, /register, …) with its 404.
 *
 * @example
 * const server = createScenarioServer(scenario)
 * const { log } = await InProcessNetwork.shared().run(server.handlers, async () => { ... })
 * server.close()
 */
export function createScenarioServer(scenario: Scenario): ScenarioServer {
  const state = new ServerState()
  // A moved server lives at `movedTo` and wants no credential there: a client has no reason to send one.
  const live: Scenario = scenario.movedTo ? { ...scenario, origin: scenario.movedTo, auth: { kind: 'none' } } : scenario
  const endpoint = live.transport === 'streamable-http' ? streamableHttpHandlers(live, state) : legacySseHandlers(live, state)
  return {
    handlers: [
      ...(scenario.movedTo ? [movedPermanently(scenario.origin, scenario.movedTo)] : []),
      ...endpoint,
      ...(scenario.auth.kind === 'oauth' ? oauthHandlers(scenario, scenario.auth.oauth, state.oauth) : []),
      http.all('*', () => notFound(scenario.notFound)),
    ],
    unhandled: 'error',
    close: () => state.closeAll(),
  }
}
