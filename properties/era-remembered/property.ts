import { spec, type Property, type Violation } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import { jsonRpcMethod, type Exchange } from '../../src/core/exchange.js'
import { parseJsonOr } from '../../src/core/json.js'
import { modernVersionOf } from '../../src/spec/modern-headers.js'
import { mcpEndpointExchanges } from '../../src/traffic/mcp-endpoint.js'

const ID = 'era-remembered'

type Era = 'modern' | 'legacy'

/** A request that opens a session: `initialize` (legacy) or any request of the modern era (its probe, or a request sent without one). */
function sessionStart(exchange: Exchange, previousWasModern: boolean): Era | undefined {
  if (exchange.method !== 'POST') return undefined
  if (jsonRpcMethod(exchange.requestBody) === 'initialize') return 'legacy'
  const modern = modernVersionOf(parseJsonOr(exchange.requestBody, undefined)) !== undefined
  return modern && !previousWasModern ? 'modern' : undefined
}

/**
 * The era each answered handshake found, and the sessions started after it: an `initialize`
 * answered 2xx after a modern probe found the server legacy; a modern request answered 2xx found it
 * modern. A session start is a POST `initialize`, or the first modern POST after legacy traffic.
 */
function eraFindings(trial: Trial): Array<{ found: Era; at: Exchange; later: Exchange; laterEra: Era }> {
  if (trial.config.transport !== 'streamable-http') return []
  const exchanges = mcpEndpointExchanges(trial.config, trial.exchanges)
  let probed = false
  let found: { era: Era; at: Exchange } | undefined
  let previousWasModern = false
  const findings: Array<{ found: Era; at: Exchange; later: Exchange; laterEra: Era }> = []
  for (const exchange of exchanges) {
    const start = sessionStart(exchange, previousWasModern)
    const modern = exchange.method === 'POST' && modernVersionOf(parseJsonOr(exchange.requestBody, undefined)) !== undefined
    if (exchange.method === 'POST') previousWasModern = modern
    if (start && found && found.at.responseTick !== undefined && exchange.requestTick > found.at.responseTick) {
      findings.push({ found: found.era, at: found.at, later: exchange, laterEra: start })
      // One finding per era found: the next session is judged against what this one then finds.
      found = undefined
    }
    const answered = exchange.status !== undefined && exchange.status >= 200 && exchange.status < 300
    if (modern) probed = true
    if (!answered || found) continue
    if (modern) found = { era: 'modern', at: exchange }
    else if (probed && jsonRpcMethod(exchange.requestBody) === 'initialize') found = { era: 'legacy', at: exchange }
  }
  return findings
}

/**
 * A client that found the era an origin speaks keeps it: its next session there starts in that era,
 * with no modern probe to a server found to speak only the legacy one, and no `initialize` to a
 * server found modern.
 */
export const eraRemembered: Property = {
  id: ID,
  statement:
    'A later session to an origin starts in the era its earlier one found: no new modern probe to a server found legacy (it answered initialize after the probe), no initialize to one found modern.',
  source: spec(
    '2026-07-28',
    'Transports › Streamable HTTP › Backward Compatibility (the era model: cache it per origin, SHOULD)',
    {
      page: 'basic/transports/streamable-http',
    },
  ),
  level: 'SHOULD',
  exercised: (trial) => eraFindings(trial).length > 0,
  check(trial): Violation[] {
    return eraFindings(trial).flatMap(({ found, at, later, laterEra }) => {
      if (laterEra === found) return []
      const what = found === 'legacy' ? 'probed the modern era again' : 'started a legacy session with initialize'
      return [
        {
          property: ID,
          exchange: later.seq,
          message: `request #${later.seq} POST ${later.url} ${what}, though request #${at.seq} had found the server ${found}: the era is remembered per origin`,
        },
      ]
    })
  },
}
