import type { Property } from '../src/property/property.js'
import { headersAlwaysSent } from './headers-always-sent.js'
import { noDiscoveryWithoutChallenge } from './no-discovery-without-challenge.js'
import { sessionIdEchoed } from './session-id-echoed.js'
import { protocolVersionHeader } from './protocol-version-header.js'
import { acceptHeaders } from './accept-headers.js'

export { headersAlwaysSent, noDiscoveryWithoutChallenge, sessionIdEchoed, protocolVersionHeader, acceptHeaders }

/** The catalogue: every property the harness checks, in report order. */
export const PROPERTIES: readonly Property[] = [
  headersAlwaysSent,
  noDiscoveryWithoutChallenge,
  sessionIdEchoed,
  protocolVersionHeader,
  acceptHeaders,
]

/** Looks a property up by id; throws a message listing the known ids. */
export function propertyById(id: string): Property {
  const property = PROPERTIES.find((candidate) => candidate.id === id)
  if (!property) throw new Error(`unknown property "${id}"; known properties: ${PROPERTIES.map((p) => p.id).join(', ')}`)
  return property
}
