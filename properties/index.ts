import type { Property } from '../src/property/property.js'
import { headersAlwaysSent } from './headers-always-sent.js'
import { noDiscoveryWithoutChallenge } from './no-discovery-without-challenge.js'

export { headersAlwaysSent, noDiscoveryWithoutChallenge }

/** The catalogue: every property the harness checks, in report order. */
export const PROPERTIES: readonly Property[] = [headersAlwaysSent, noDiscoveryWithoutChallenge]

/** Looks a property up by id; throws a message listing the known ids. */
export function propertyById(id: string): Property {
  const property = PROPERTIES.find((candidate) => candidate.id === id)
  if (!property) throw new Error(`unknown property "${id}"; known properties: ${PROPERTIES.map((p) => p.id).join(', ')}`)
  return property
}
