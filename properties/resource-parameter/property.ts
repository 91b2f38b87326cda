import { spec, type Property } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import { authorizeRequests, resourceCovers, servedPrms, tokenRequests } from '../../src/traffic/oauth-flow.js'

const ID = 'resource-parameter'

/** The authorization and token requests made after the client had Protected Resource Metadata (the 2025-06-18+ flow). */
function requests(trial: Trial) {
  const firstPrm = servedPrms(trial)[0]?.exchange
  const after = firstPrm?.responseTick ?? Infinity
  return [
    ...authorizeRequests(trial).map((e) => ({ e, kind: 'authorization', resource: new URL(e.url).searchParams.get('resource') })),
    ...tokenRequests(trial)
      .filter(({ form }) => form.get('grant_type') === 'authorization_code')
      .map(({ exchange, form }) => ({ e: exchange, kind: 'token', resource: form.get('resource') })),
  ]
    .filter(({ e }) => e.requestTick > after)
    .sort((a, b) => a.e.seq - b.e.seq)
}

/**
 * Authorization and token requests carry `resource`: an absolute URI without fragment that names
 * the MCP server (its URL, or a same-origin prefix of it such as the PRM's `resource`).
 */
export const resourceParameter: Property = {
  id: ID,
  statement:
    'Authorization and token requests carry resource = the MCP server canonical URI (or a same-origin prefix of it), no fragment.',
  source: spec('2025-06-18', 'Authorization › Resource Parameter Implementation'),
  level: 'MUST',
  // Judged where the flow followed the 2025-06-18+ discovery (a PRM was served): older flows predate RFC 8707 in MCP.
  // The rule exists from 2025-06-18: a server that speaks only older versions cannot hold a client to it.
  exercised: (trial) => requests(trial).length > 0,
  check(trial) {
    return requests(trial).flatMap(({ e, kind, resource }) => {
      if (resource && resourceCovers(resource, trial.config.url)) return []
      const problem = resource
        ? `resource ${resource}, which does not name the MCP server ${trial.config.url}`
        : 'no resource parameter'
      return [
        { property: ID, exchange: e.seq, message: `${kind} request #${e.seq} ${e.method} ${e.url.split('?')[0]} had ${problem}` },
      ]
    })
  },
}
