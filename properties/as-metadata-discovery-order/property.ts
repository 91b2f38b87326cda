import { spec, type Property } from '../../src/property/property.js'
import { outOfOrderProbes } from '../../src/traffic/probe-order.js'
import { asMetadataUrls } from '../../src/spec/well-known.js'
import type { Trial } from '../../src/core/trial.js'
import { asMetadataRequests, resourceCovers, servedPrms } from '../../src/traffic/oauth-flow.js'

const ID = 'as-metadata-discovery-order'

/**
 * The PRM whose issuer the order is judged for. One naming another resource is one the client must
 * reject (resource-mismatch-rejected judges that), so its issuer is not one the client should probe:
 * go-sdk 1.8.0 rejected such a PRM and was blamed here for not probing its issuer.
 */
function judged(trial: Trial) {
  const prm = servedPrms(trial).find(
    (p) => p.authorizationServers.length > 0 && (p.resource === undefined || resourceCovers(p.resource, trial.config.url)),
  )
  if (!prm) return undefined
  const requests = asMetadataRequests(trial).filter((e) => e.requestTick > (prm.exchange.responseTick ?? Infinity))
  return requests.length > 0 ? { order: asMetadataUrls(prm.authorizationServers[0]!), requests } : undefined
}

/**
 * For the issuer the PRM names, AS metadata requests follow the priority list (RFC 8414
 * path-inserted, OIDC path-inserted, OIDC path-appended; or RFC 8414 then OIDC without a path),
 * stop at the first 200, and never fall back to the root when the issuer has a path.
 */
export const asMetadataDiscoveryOrder: Property = {
  id: ID,
  statement: "Authorization server metadata requests follow the spec's priority order for the issuer and stop at the first 200.",
  source: spec('2025-11-25', 'Authorization › Authorization Server Metadata Discovery'),
  level: 'MUST',
  // The rule exists from 2025-11-25: a server that speaks only older versions cannot hold a client to it.
  exercised: (trial) => judged(trial) !== undefined,
  check(trial) {
    const j = judged(trial)
    if (!j) return []
    return outOfOrderProbes(j.requests, j.order).map(({ exchange, url, expected }) => ({
      property: ID,
      exchange: exchange.seq,
      message: `request #${exchange.seq} GET ${url} broke the AS metadata discovery order (expected ${expected ?? 'no further request after a 200'})`,
    }))
  },
}
