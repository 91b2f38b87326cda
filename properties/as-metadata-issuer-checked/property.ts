import { spec, type Property, type Violation } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import { asMetadataUrls } from '../../src/spec/well-known.js'
import {
  authorizeRequests,
  registrationRequests,
  servedAsMetadata,
  servedPrms,
  tokenRequests,
  withoutQuery,
} from '../../src/traffic/oauth-flow.js'

const ID = 'as-metadata-issuer-checked'

/** Issuers the client had reason to look up: those the PRMs it received named, and the MCP server's origin (the legacy fallback). */
function knownIssuers(trial: Trial): string[] {
  const named = servedPrms(trial).flatMap((prm) => prm.authorizationServers)
  return [...new Set([...named, new URL(trial.config.url).origin])]
}

/**
 * AS metadata documents whose `issuer` is not the issuer their well-known URL was built from
 * (RFC 8414 §3.3), with the endpoints they name.
 */
function mismatchedDocuments(trial: Trial) {
  const issuers = knownIssuers(trial)
  return servedAsMetadata(trial).flatMap((m) => {
    const url = withoutQuery(m.exchange.url)
    const builtFrom = issuers.filter((issuer) => URL.canParse(issuer) && asMetadataUrls(issuer).includes(url))
    if (builtFrom.length === 0 || builtFrom.includes(m.issuer ?? '')) return []
    const endpoints = [m.authorizationEndpoint, m.tokenEndpoint, m.registrationEndpoint].filter((e): e is string => !!e)
    return [{ metadata: m, builtFrom: builtFrom[0]!, endpoints }]
  })
}

/**
 * Authorization server metadata whose `issuer` differs from the issuer used to build its URL is
 * not used: none of its registration, authorization or token endpoints is contacted on its word.
 */
export const asMetadataIssuerChecked: Property = {
  id: ID,
  statement:
    'Authorization server metadata whose issuer differs from the issuer its well-known URL was built from is not used: no registration, authorization or token request goes to an endpoint it names.',
  source: spec(
    '2026-07-28',
    'Authorization › Authorization Server Discovery › Authorization Server Metadata Discovery (RFC 8414 §3.3)',
    { page: 'basic/authorization/authorization-server-discovery' },
  ),
  level: 'MUST',
  exercised: (trial) => mismatchedDocuments(trial).length > 0,
  check(trial) {
    const mismatched = mismatchedDocuments(trial)
    const requests = [...registrationRequests(trial), ...authorizeRequests(trial), ...tokenRequests(trial).map((t) => t.exchange)]
    return requests
      .sort((a, b) => a.seq - b.seq)
      .flatMap((e): Violation[] => {
        const source = mismatched.find(
          (d) => d.metadata.exchange.responseTick! < e.requestTick && d.endpoints.includes(withoutQuery(e.url)),
        )
        if (!source) return []
        return [
          {
            property: ID,
            exchange: e.seq,
            message: `request #${e.seq} ${e.method} ${withoutQuery(e.url)} used metadata #${source.metadata.exchange.seq}, whose issuer ${source.metadata.issuer ?? '(none)'} is not ${source.builtFrom}, the issuer its URL was built from`,
          },
        ]
      })
  },
}
