import type { ClientConfig } from '../../src/core/client-config.js'
import type { Scenario } from '../../src/core/scenario.js'
import type { Exchange } from '../../src/core/exchange.js'
import type { Trial } from '../../src/core/trial.js'

/** A simple passing scenario; tests override what they exercise. */
export function scenario(overrides: Partial<Scenario> = {}): Scenario {
  return {
    origin: 'http://mcp.test',
    endpointPath: '/mcp',
    transport: 'streamable-http',
    protocolVersions: ['2025-06-18', '2025-11-25'],
    responseMode: 'json',
    getStream: 'sse',
    sessions: true,
    deleteAllowed: true,
    legacyEndpoint: 'relative',
    tools: true,
    auth: { kind: 'none' },
    notFound: '404-json',
    ...overrides,
  }
}

export function config(overrides: Partial<ClientConfig> = {}): ClientConfig {
  return { transport: 'streamable-http', url: 'http://mcp.test/mcp', headers: { 'X-API-Key': 'test-key-12345' }, ...overrides }
}

/** A hand-written exchange for property unit tests: seq and ticks follow the array order. */
export function exchange(partial: Partial<Exchange> & Pick<Exchange, 'method' | 'url'>): Exchange {
  return { seq: 0, requestTick: 0, requestHeaders: [], status: 200, responseHeaders: [], ...partial }
}

/** A trial from exchanges in send order; each response arrives before the next request unless ticks are given. */
export function trialOf(cfg: ClientConfig, exchanges: Array<Partial<Exchange> & Pick<Exchange, 'method' | 'url'>>): Trial {
  let tick = 0
  const numbered = exchanges.map((partial, index) => {
    const built = exchange({ ...partial, seq: index + 1 })
    if (partial.requestTick === undefined) built.requestTick = ++tick
    if (partial.responseTick === undefined && built.status !== undefined) built.responseTick = ++tick
    return built
  })
  return { client: 'test', config: cfg, scenario: scenario(), exchanges: numbered, outcome: { kind: 'completed' }, durationMs: 1 }
}
