import { spec, type Property } from '../../src/property/property.js'
import {
  authorizeRequests,
  registrationRequests,
  resourceCovers,
  servedPrms,
  tokenRequests,
} from '../../src/traffic/oauth-flow.js'

const ID = 'resource-mismatch-rejected'

/** A PRM whose `resource` does not name the MCP server is not used: no registration, authorization or token request follows. */
export const resourceMismatchRejected: Property = {
  id: ID,
  statement:
    'When the Protected Resource Metadata names another resource, the client sends no registration, authorization or token request.',
  source: spec('2025-06-18', 'Authorization (RFC 9728 §3.3 resource validation)'),
  level: 'MUST',
  // The rule exists from 2025-06-18: a server that speaks only older versions cannot hold a client to it.
  exercised: (trial) => servedPrms(trial).some((p) => p.resource !== undefined && !resourceCovers(p.resource, trial.config.url)),
  check(trial) {
    const bad = servedPrms(trial).find((p) => p.resource !== undefined && !resourceCovers(p.resource, trial.config.url))
    if (!bad) return []
    const after = bad.exchange.responseTick ?? Infinity
    return [...registrationRequests(trial), ...authorizeRequests(trial), ...tokenRequests(trial).map((t) => t.exchange)]
      .filter((e) => e.requestTick > after)
      .sort((a, b) => a.seq - b.seq)
      .map((e) => ({
        property: ID,
        exchange: e.seq,
        message: `request #${e.seq} ${e.method} ${e.url.split('?')[0]} continued the flow after the metadata (#${bad.exchange.seq}) named resource ${bad.resource}`,
      }))
  },
}
