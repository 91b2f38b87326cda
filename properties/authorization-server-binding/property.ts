import { spec, type Property, type Violation } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import type { Exchange } from '../../src/core/exchange.js'
import { headerValue } from '../../src/core/exchange.js'
import { challengeParam } from '../../src/spec/www-authenticate.js'
import {
  authorizeRequests,
  issuedTokens,
  mcpChallenges,
  prmRequests,
  registeredClients,
  tokenRequestClientId,
  tokenRequests,
  withoutQuery,
} from '../../src/traffic/oauth-flow.js'

const ID = 'authorization-server-binding'

/** Authorization and token requests with the client id each presents and the origin it went to. */
function presentations(trial: Trial): Array<{ exchange: Exchange; clientId: string; origin: string }> {
  const authorize = authorizeRequests(trial).flatMap((exchange) => {
    const clientId = new URL(exchange.url).searchParams.get('client_id')
    return clientId ? [{ exchange, clientId, origin: new URL(exchange.url).origin }] : []
  })
  const token = tokenRequests(trial).flatMap(({ exchange, form }) => {
    const clientId = tokenRequestClientId(exchange, form)
    return clientId ? [{ exchange, clientId, origin: new URL(exchange.url).origin }] : []
  })
  return [...authorize, ...token].sort((a, b) => a.exchange.seq - b.exchange.seq)
}

/**
 * The MCP server's 401 `invalid_token` answers to a token the client had been issued, naming the
 * Protected Resource Metadata to read (RFC 6750 §3.1, RFC 9728 §5.1): the moments the authorization
 * server may have changed.
 */
function refusedTokens(trial: Trial): Array<{ exchange: Exchange; metadata: string }> {
  const issued = new Set(issuedTokens(trial).map((t) => t.token))
  return mcpChallenges(trial).flatMap(({ exchange, wwwAuthenticate }) => {
    const token = /^Bearer (.+)$/i.exec(headerValue(exchange.requestHeaders, 'authorization') ?? '')?.[1]
    const metadata = challengeParam(wwwAuthenticate, 'resource_metadata')
    if (!token || !issued.has(token) || challengeParam(wwwAuthenticate, 'error') !== 'invalid_token' || !metadata) return []
    return [{ exchange, metadata }]
  })
}

/** Requests for a new token (authorization or token request) made after a refused token: what the rule's second half judges. */
function reauthorizations(trial: Trial) {
  const refused = refusedTokens(trial)
  const asks = [...authorizeRequests(trial), ...tokenRequests(trial).map((t) => t.exchange)].sort((a, b) => a.seq - b.seq)
  return asks.flatMap((e) => {
    const after = refused.findLast((r) => r.exchange.responseTick !== undefined && r.exchange.responseTick < e.requestTick)
    return after ? [{ exchange: e, refused: after }] : []
  })
}

/**
 * SEP-2352: client credentials belong to the authorization server that issued them. A client id
 * registered at one is never presented to another; and since a resource may move to another
 * authorization server (seen only in its current Protected Resource Metadata), a client whose token
 * was refused re-reads the metadata the challenge names before it asks for a new token: a refresh
 * at the old server, or an authorization from discovery it cached, never notices the move.
 */
export const authorizationServerBinding: Property = {
  id: ID,
  statement:
    'A client id registered at one authorization server is never presented to another (authorization or token request); after the MCP server refuses an issued token (401 invalid_token), the client reads the resource_metadata the challenge names before it asks for a new token (authorization, refresh), so a changed authorization server is found and registered with.',
  source: spec('2026-07-28', 'Authorization › Client Registration › Authorization Server Binding', {
    page: 'basic/authorization/client-registration',
  }),
  level: 'MUST',
  exercised: (trial) =>
    reauthorizations(trial).length > 0 ||
    (registeredClients(trial).length > 0 && new Set(presentations(trial).map((p) => p.origin)).size > 1),
  check(trial) {
    const registered = registeredClients(trial)
    const reused = presentations(trial).flatMap(({ exchange, clientId, origin }): Violation[] => {
      const registration = registered.find(
        (r) => r.clientId === clientId && r.origin !== origin && r.exchange.responseTick! < exchange.requestTick,
      )
      if (!registration) return []
      return [
        {
          property: ID,
          exchange: exchange.seq,
          message: `request #${exchange.seq} ${exchange.method} ${withoutQuery(exchange.url)} presented the client id ${registration.origin} registered (#${registration.exchange.seq})`,
        },
      ]
    })
    const prms = prmRequests(trial)
    const stale = reauthorizations(trial).flatMap(({ exchange, refused }): Violation[] => {
      const reread = prms.some(
        (p) =>
          withoutQuery(p.url) === withoutQuery(refused.metadata) &&
          p.requestTick > refused.exchange.responseTick! &&
          p.requestTick < exchange.requestTick,
      )
      if (reread) return []
      return [
        {
          property: ID,
          exchange: exchange.seq,
          message: `request #${exchange.seq} ${exchange.method} ${withoutQuery(exchange.url)} asked for a new token after the server refused the old one (#${refused.exchange.seq}, invalid_token) without reading ${refused.metadata} again: a changed authorization server goes unnoticed`,
        },
      ]
    })
    return [...reused, ...stale].sort((a, b) => (a.exchange ?? 0) - (b.exchange ?? 0))
  },
}
