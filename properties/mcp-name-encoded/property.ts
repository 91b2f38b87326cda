import { spec, type Property, type Violation } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import { headerValue, type Exchange } from '../../src/core/exchange.js'
import { parseJsonOr } from '../../src/core/json.js'
import { needsSentinel, requiredModernHeaders, sentinelText } from '../../src/spec/modern-headers.js'
import { modernPosts } from '../../src/traffic/modern-era.js'

const ID = 'mcp-name-encoded'

/** Modern POSTs naming a target (tools/call, prompts/get, resources/read) whose name needs the sentinel form. */
function namesNeedingSentinel(trial: Trial): Array<{ exchange: Exchange; name: string }> {
  return modernPosts(trial).flatMap((exchange) => {
    const name = requiredModernHeaders(parseJsonOr(exchange.requestBody, undefined))['mcp-name']
    return name !== undefined && needsSentinel(name) ? [{ exchange, name }] : []
  })
}

/**
 * A name that cannot travel as plain ASCII (a non-ASCII tool name, say) goes in `Mcp-Name` as
 * `=?base64?<Base64 of its UTF-8>?=`: raw bytes outside ASCII are not a header value every hop
 * passes on. A missing header is `modern-request-headers`' to judge.
 */
export const mcpNameEncoded: Property = {
  id: ID,
  statement:
    'In the 2026-07-28 transport an Mcp-Name whose name is not plain ASCII (or looks like the sentinel) is sent as =?base64?…?= of its UTF-8, and decodes to the name.',
  source: spec('2026-07-28', 'Transports › Streamable HTTP › Standard Request Headers, Value Encoding (MUST)', {
    page: 'basic/transports/streamable-http',
  }),
  level: 'MUST',
  exercised: (trial) =>
    namesNeedingSentinel(trial).some(({ exchange }) => headerValue(exchange.requestHeaders, 'mcp-name') !== undefined),
  check(trial): Violation[] {
    return namesNeedingSentinel(trial).flatMap(({ exchange, name }) => {
      const sent = headerValue(exchange.requestHeaders, 'mcp-name')
      if (sent === undefined) return []
      const decoded = sentinelText(sent)
      if (decoded === name) return []
      const problem =
        decoded === undefined
          ? `carried Mcp-Name: ${JSON.stringify(sent)}, not the Base64 sentinel form its name ${JSON.stringify(name)} needs`
          : `carried an Mcp-Name sentinel that decodes to ${JSON.stringify(decoded)}, not ${JSON.stringify(name)}`
      return [{ property: ID, exchange: exchange.seq, message: `request #${exchange.seq} POST ${exchange.url} ${problem}` }]
    })
  },
}
