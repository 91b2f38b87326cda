import { spec, type Property, type Violation } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import type { Exchange } from '../../src/core/exchange.js'
import { asMetadataRequests, pathOf } from '../../src/traffic/oauth-flow.js'
import { serverVersion } from '../../src/property/spec-version.js'

const ID = 'metadata-before-default-endpoints'
const REVISION = '2025-03-26'
/** The endpoints 2025-03-26 lets a client fall back to, at the MCP server's origin (path discarded). */
const DEFAULT_ENDPOINTS = /^\/(authorize|token|register)\/?$/

/** Requests to the default endpoints at the MCP server's origin, in a trial whose server speaks 2025-03-26 at newest. */
function defaultEndpointRequests(trial: Trial): Exchange[] {
  if (serverVersion(trial) !== REVISION || !URL.canParse(trial.config.url)) return []
  const origin = new URL(trial.config.url).origin
  return trial.exchanges.filter(
    (e) => URL.canParse(e.url) && new URL(e.url).origin === origin && DEFAULT_ENDPOINTS.test(pathOf(e)),
  )
}

/**
 * In 2025-03-26 a client first asks for the authorization server metadata at the MCP server's
 * origin, and only then may fall back to `/authorize`, `/token` and `/register` there: a client
 * that goes straight to the defaults misses a server whose endpoints are elsewhere.
 */
export const metadataBeforeDefaultEndpoints: Property = {
  id: ID,
  statement:
    'With a 2025-03-26 server, the client asks for authorization server metadata at the MCP origin before it uses a default endpoint there (/authorize, /token, /register).',
  source: spec(REVISION, 'Authorization › Server Metadata Discovery, Fallbacks for Servers without Metadata Discovery (MUST)', {
    onlyIn: true,
  }),
  level: 'MUST',
  exercised: (trial) => defaultEndpointRequests(trial).length > 0,
  check(trial): Violation[] {
    const first = defaultEndpointRequests(trial)[0]
    if (!first) return []
    const origin = new URL(first.url).origin
    const asked = asMetadataRequests(trial).some((e) => new URL(e.url).origin === origin && e.requestTick < first.requestTick)
    if (asked) return []
    return [
      {
        property: ID,
        exchange: first.seq,
        message: `request #${first.seq} ${first.method} ${first.url} used a default endpoint before any authorization server metadata request to ${origin}`,
      },
    ]
  },
}
