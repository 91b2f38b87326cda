import { spec, type Property, type Violation } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import { jsonRpcMethod, type Exchange } from '../../src/core/exchange.js'
import { isModernVersion } from '../../src/core/scenario.js'
import { jsonObject } from '../../src/core/json.js'
import { mcpEndpointExchanges } from '../../src/traffic/mcp-endpoint.js'
import { modernPosts } from '../../src/traffic/modern-era.js'

const ID = 'no-fallback-on-modern-error'

/** The modern error codes only a server of the 2026-07-28 era answers with (HeaderMismatch, MissingRequiredClientCapability). */
const MODERN_ONLY_CODES = new Set([-32020, -32021])
/** UnsupportedProtocolVersion: era evidence when the versions it lists include a modern one. */
const UNSUPPORTED_PROTOCOL_VERSION = -32022

/** The code of a 400's body when it is a recognized modern JSON-RPC error, else undefined. */
function modernErrorCode(exchange: Exchange): number | undefined {
  if (exchange.status !== 400) return undefined
  const error = jsonObject(exchange.responseBody)?.error as { code?: unknown; data?: { supported?: unknown } } | undefined
  const code = error?.code
  if (typeof code !== 'number') return undefined
  if (MODERN_ONLY_CODES.has(code)) return code
  const supported = error?.data?.supported
  const listsModern = Array.isArray(supported) && supported.some((v) => typeof v === 'string' && isModernVersion(v))
  return code === UNSUPPORTED_PROTOCOL_VERSION && listsModern ? code : undefined
}

/** The modern requests answered 400 with a body saying the server speaks the era. */
function modernRefusals(trial: Trial): Array<{ exchange: Exchange; code: number }> {
  return modernPosts(trial).flatMap((exchange) => {
    const code = modernErrorCode(exchange)
    return code !== undefined && exchange.responseTick !== undefined ? [{ exchange, code }] : []
  })
}

/**
 * A 400 to a modern request whose body is a modern JSON-RPC error (UnsupportedProtocolVersion
 * listing a modern version, HeaderMismatch, MissingRequiredClientCapability) comes from a server
 * of the 2026-07-28 era: the client corrects or retries, or gives up, and does not fall back to
 * `initialize` or the HTTP+SSE GET.
 */
export const noFallbackOnModernError: Property = {
  id: ID,
  statement:
    "After a 400 to a 2026-07-28 request whose body is a modern JSON-RPC error, the client's next request is not a fallback: no initialize, no HTTP+SSE GET.",
  source: spec('2026-07-28', 'Transports › Streamable HTTP › Backward Compatibility (SHOULD)', {
    page: 'basic/transports/streamable-http',
  }),
  level: 'SHOULD',
  exercised: (trial) => modernRefusals(trial).length > 0,
  check(trial): Violation[] {
    const endpoint = mcpEndpointExchanges(trial.config, trial.exchanges)
    return modernRefusals(trial).flatMap(({ exchange, code }) => {
      const next = endpoint.find((e) => e.requestTick > exchange.responseTick!)
      if (!next) return []
      const fallback =
        next.method === 'GET'
          ? 'an HTTP+SSE GET'
          : next.method === 'POST' && jsonRpcMethod(next.requestBody) === 'initialize'
            ? 'an initialize'
            : undefined
      if (!fallback) return []
      return [
        {
          property: ID,
          exchange: next.seq,
          message: `request #${next.seq} ${next.method} ${next.url} was ${fallback}, a fallback after the 400 to request #${exchange.seq} whose body was a modern JSON-RPC error (${code}): the server speaks the 2026-07-28 era`,
        },
      ]
    })
  },
}
