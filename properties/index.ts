import type { Property } from '../src/property/property.js'
import { headersAlwaysSent } from './headers-always-sent.js'
import { noDiscoveryWithoutChallenge } from './no-discovery-without-challenge.js'
import { sessionIdEchoed } from './session-id-echoed.js'
import { protocolVersionHeader } from './protocol-version-header.js'
import { acceptHeaders } from './accept-headers.js'
import { pkceS256 } from './pkce-s256.js'
import { resourceParameter } from './resource-parameter.js'
import { tokenInAuthorizationHeader } from './token-in-authorization-header.js'
import { noHeaderLeak } from './no-header-leak.js'
import { resourceMetadataHonored } from './resource-metadata-honored.js'
import { prmDiscoveryOrder } from './prm-discovery-order.js'
import { asMetadataDiscoveryOrder } from './as-metadata-discovery-order.js'
import { resourceMismatchRejected } from './resource-mismatch-rejected.js'
import { scopeSelection } from './scope-selection.js'
import { boundedAuthRetries } from './bounded-auth-retries.js'
import { pkceSupportChecked } from './pkce-support-checked.js'
import { clientRegistration } from './client-registration.js'
import { scopeStepUp } from './scope-step-up.js'
import { modernRequestHeaders } from './modern-request-headers.js'

export {
  headersAlwaysSent,
  noDiscoveryWithoutChallenge,
  sessionIdEchoed,
  protocolVersionHeader,
  acceptHeaders,
  pkceS256,
  resourceParameter,
  tokenInAuthorizationHeader,
  noHeaderLeak,
  resourceMetadataHonored,
  prmDiscoveryOrder,
  asMetadataDiscoveryOrder,
  resourceMismatchRejected,
  scopeSelection,
  boundedAuthRetries,
  pkceSupportChecked,
  clientRegistration,
  scopeStepUp,
  modernRequestHeaders,
}

/** The catalogue: every property the harness checks, in report order. */
export const PROPERTIES: readonly Property[] = [
  headersAlwaysSent,
  noDiscoveryWithoutChallenge,
  sessionIdEchoed,
  protocolVersionHeader,
  acceptHeaders,
  modernRequestHeaders,
  noHeaderLeak,
  resourceMetadataHonored,
  prmDiscoveryOrder,
  asMetadataDiscoveryOrder,
  resourceMismatchRejected,
  clientRegistration,
  pkceSupportChecked,
  pkceS256,
  resourceParameter,
  scopeSelection,
  scopeStepUp,
  tokenInAuthorizationHeader,
  boundedAuthRetries,
]

/** Looks a property up by id; throws a message listing the known ids. */
export function propertyById(id: string): Property {
  const property = PROPERTIES.find((candidate) => candidate.id === id)
  if (!property) throw new Error(`unknown property "${id}"; known properties: ${PROPERTIES.map((p) => p.id).join(', ')}`)
  return property
}
