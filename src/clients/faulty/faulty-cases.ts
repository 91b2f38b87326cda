import * as props from '../../../properties/index.js'
import type { Property } from '../../property/property.js'
import type { ClientUnderTest } from '../client-under-test.js'
import { dropsHeaders } from './drops-headers.js'
import { discoveryFirst } from './discovery-first.js'
import { noHeadersOnStream } from './no-headers-on-stream.js'
import { noHeadersOnPost } from './no-headers-on-post.js'
import { dropsSessionId, jsonOnlyAccept, noMcpMethod, noProtocolVersion } from './transport-faults.js'
import * as oauth from './oauth-faults.js'
import { retriesRefused } from './retries-refused.js'

/** A faulty reference client, the property it exists to violate, and what else its one bug also breaks. */
export interface FaultyCase {
  client: ClientUnderTest
  property: Property
  /** Properties its bug violates as a consequence (not false blame). */
  consequences: readonly string[]
}

const fault = (client: ClientUnderTest, property: Property, ...consequences: string[]): FaultyCase => ({
  client,
  property,
  consequences,
})

/**
 * Every faulty client with its own property: the test that each property can fail, and the
 * mutant benchmark (trials to detection), both read this list.
 */
export const FAULTY_CASES: readonly FaultyCase[] = [
  fault(dropsHeaders, props.headersAlwaysSent),
  fault(discoveryFirst, props.noDiscoveryWithoutChallenge),
  fault(noHeadersOnStream, props.headersAlwaysSent),
  fault(noHeadersOnPost, props.headersAlwaysSent),
  fault(dropsSessionId, props.sessionIdEchoed),
  fault(noProtocolVersion, props.protocolVersionHeader),
  fault(noMcpMethod, props.modernRequestHeaders),
  fault(jsonOnlyAccept, props.acceptHeaders),
  fault(retriesRefused, props.boundedAuthRetries),
  fault(oauth.pkcePlain, props.pkceS256),
  fault(oauth.noResourceParameter, props.resourceParameter),
  fault(oauth.ownScope, props.scopeSelection),
  // Using the foreign resource it accepted, it also sends that resource as the resource parameter.
  fault(oauth.acceptsAnyResource, props.resourceMismatchRejected, 'resource-parameter'),
  fault(oauth.tokenInQuery, props.tokenInAuthorizationHeader),
  fault(oauth.headersToEveryOrigin, props.noHeaderLeak),
  fault(oauth.ignoresResourceMetadata, props.resourceMetadataHonored),
  // Rewriting the path-inserted PRM URL also rewrites a resource_metadata hint that names it.
  fault(oauth.prmRootOnly, props.prmDiscoveryOrder, 'resource-metadata-honored'),
  fault(oauth.asMetadataRootOnly, props.asMetadataDiscoveryOrder),
  fault(oauth.endlessReauthorization, props.boundedAuthRetries),
  fault(oauth.ignoresPkceSupport, props.pkceSupportChecked),
  fault(oauth.ignoresPreRegistration, props.clientRegistration),
  fault(oauth.guessesRegistration, props.clientRegistration),
  fault(oauth.httpClientMetadataUrl, props.clientRegistration),
  fault(oauth.noStepUp, props.scopeStepUp),
]
