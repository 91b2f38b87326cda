import { spec, type Property } from '../../src/property/property.js'
import { expectedText, outOfOrderProbes } from '../../src/traffic/probe-order.js'
import { isWellKnownLocation, prmWellKnownUrls } from '../../src/spec/well-known.js'
import type { Trial } from '../../src/core/trial.js'
import type { Exchange } from '../../src/core/exchange.js'
import { jsonObject } from '../../src/core/json.js'
import { mcpChallenges, metadataHints, prmRequests, resourceMetadataOf } from '../../src/traffic/oauth-flow.js'

const ID = 'prm-discovery-order'

function judged(trial: Trial) {
  const challenges = mcpChallenges(trial)
  if (challenges.length === 0 || challenges.some((c) => resourceMetadataOf(c.wwwAuthenticate))) return undefined
  const after = challenges[0]!.exchange.responseTick ?? Infinity
  // A later 403 (step-up) may name the metadata: from then on the client rightly goes straight there.
  const hinted = metadataHints(trial).find((hint) => hint.exchange.status === 403)
  const until = hinted?.exchange.responseTick ?? Infinity
  const probes = prmRequests(trial).filter((e) => e.requestTick > after && e.requestTick < until)
  return probes.length > 0 ? probes : undefined
}

/**
 * A 200 ends the search only when its `resource` is the configured URL itself. One that names the
 * URL without its query (or any other resource) is one a strict client rejects and then looks on:
 * go-sdk 1.8.0 did so for `/mcp?tenant=acme` and was blamed for probing the root after it.
 */
function endsSearch(trial: Trial) {
  return (exchange: Exchange) => exchange.status === 200 && jsonObject(exchange.responseBody)?.resource === trial.config.url
}

/**
 * Without `resource_metadata` in the 401, the client tries the path-inserted well-known URI, then
 * the root one, and stops at the first that answers 200 (each discovery round starts again from the first).
 */
export const prmDiscoveryOrder: Property = {
  id: ID,
  statement:
    'Without resource_metadata, PRM probes go path-inserted well-known, then root (skipped at the root path), stopping at the first 200.',
  source: spec('2025-11-25', 'Authorization › Protected Resource Metadata Discovery Requirements'),
  level: 'MUST',
  // The rule exists from 2025-11-25: a server that speaks only older versions cannot hold a client to it.
  exercised: (trial) => judged(trial) !== undefined,
  check(trial) {
    const probes = judged(trial)
    if (!probes) return []
    return outOfOrderProbes(probes, prmWellKnownUrls(trial.config.url), isWellKnownLocation, endsSearch(trial)).map((probe) => ({
      property: ID,
      exchange: probe.exchange.seq,
      message: `request #${probe.exchange.seq} GET ${probe.url} broke the PRM discovery order (expected ${expectedText(probe)})`,
    }))
  },
}
