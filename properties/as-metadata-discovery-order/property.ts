import { spec, type Property } from '../../src/property/property.js'
import { expectedText, outOfOrderProbes } from '../../src/traffic/probe-order.js'
import { asMetadataUrls } from '../../src/spec/well-known.js'
import type { Trial } from '../../src/core/trial.js'
import { asMetadataRequests, resourceCovers, servedPrms } from '../../src/traffic/oauth-flow.js'

const ID = 'as-metadata-discovery-order'

/**
 * The PRM whose issuer the order is judged for, once the client has turned to that issuer (asked its
 * origin for metadata). A client may rightly reject a PRM: one naming another resource
 * (resource-mismatch-rejected judges that), or, read strictly by RFC 9728 §3.3, a root PRM naming
 * the path's resource; go-sdk 1.8.0 did both and then probed the MCP origin, and was blamed here for
 * an issuer it had set aside. Such a trial is not this rule's to judge.
 */
function judged(trial: Trial) {
  const prm = servedPrms(trial).find(
    (p) => p.authorizationServers.length > 0 && (p.resource === undefined || resourceCovers(p.resource, trial.config.url)),
  )
  if (!prm) return undefined
  const issuer = URL.canParse(prm.authorizationServers[0]!) ? new URL(prm.authorizationServers[0]!).origin : undefined
  // A resource that moved to another authorization server (a later PRM names it) has that server's
  // discovery too: a round of its own, not a step out of this issuer's order.
  const laterIssuers = new Set(
    servedPrms(trial)
      .flatMap((p) => p.authorizationServers)
      .filter((url) => URL.canParse(url))
      .map((url) => new URL(url).origin)
      .filter((origin) => origin !== issuer),
  )
  const requests = asMetadataRequests(trial).filter(
    (e) => e.requestTick > (prm.exchange.responseTick ?? Infinity) && !laterIssuers.has(new URL(e.url).origin),
  )
  if (!requests.some((e) => new URL(e.url).origin === issuer)) return undefined
  return { order: asMetadataUrls(prm.authorizationServers[0]!), requests }
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
    return outOfOrderProbes(j.requests, j.order).map((probe) => ({
      property: ID,
      exchange: probe.exchange.seq,
      message: `request #${probe.exchange.seq} GET ${probe.url} broke the AS metadata discovery order (expected ${expectedText(probe)})`,
    }))
  },
}
