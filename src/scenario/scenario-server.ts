import { http } from 'msw/http'
import type { Scenario } from './scenario.js'
import { ServerState } from './server-state.js'
import { streamableHttpHandlers } from './streamable-http-handlers.js'
import { legacySseHandlers } from './legacy-sse-handlers.js'
import { notFound } from './not-found.js'
import { oauthHandlers } from './oauth-handlers.js'
import type { MockServer } from '../network/mock-server.js'

/** A Scenario made live: its msw handlers and a `close()` that ends every stream it opened. */
export type ScenarioServer = MockServer

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
  const endpoint =
    scenario.transport === 'streamable-http' ? streamableHttpHandlers(scenario, state) : legacySseHandlers(scenario, state)
  return {
    handlers: [
      ...endpoint,
      ...(scenario.auth.kind === 'oauth' ? oauthHandlers(scenario, scenario.auth.oauth, state.oauth) : []),
      http.all('*', () => notFound(scenario.notFound)),
    ],
    unhandled: 'error',
    close: () => state.closeAll(),
  }
}
