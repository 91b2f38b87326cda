import { spec, type Property } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import { mcpChallenges, prmRequests, resourceMetadataOf } from '../../src/traffic/oauth-flow.js'

const ID = 'resource-metadata-honored'

function hinted(trial: Trial) {
  const challenge = mcpChallenges(trial).find((c) => resourceMetadataOf(c.wwwAuthenticate))
  return challenge ? { exchange: challenge.exchange, url: resourceMetadataOf(challenge.wwwAuthenticate)! } : undefined
}

/** After a 401 naming `resource_metadata` R, the client's first metadata request is R itself. */
export const resourceMetadataHonored: Property = {
  id: ID,
  statement: 'After a 401 with WWW-Authenticate resource_metadata=R, the first Protected Resource Metadata request is GET R.',
  source: spec('2025-06-18', 'Authorization › Protected Resource Metadata Discovery Requirements'),
  level: 'MUST',
  // The rule exists from 2025-06-18: a server that speaks only older versions cannot hold a client to it.
  exercised: (trial) => {
    const hint = hinted(trial)
    return hint !== undefined && prmRequests(trial).some((e) => e.requestTick > (hint.exchange.responseTick ?? Infinity))
  },
  check(trial) {
    const hint = hinted(trial)
    if (!hint) return []
    const first = prmRequests(trial).find((e) => e.requestTick > (hint.exchange.responseTick ?? Infinity))
    if (!first || first.url.split('?')[0] === hint.url) return []
    return [
      {
        property: ID,
        exchange: first.seq,
        message: `request #${first.seq} GET ${first.url} was the first metadata request, but the 401 (#${hint.exchange.seq}) named ${hint.url}`,
      },
    ]
  },
}
