import { spec, type Property } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import { registrationRequests, servedAsMetadata } from '../../src/traffic/oauth-flow.js'

const ID = 'client-id-metadata-preferred'

/** The origins of the authorization servers whose metadata advertised Client ID Metadata Documents and a registration endpoint. */
function bothAdvertised(trial: Trial): Set<string> {
  return new Set(
    servedAsMetadata(trial)
      .filter((m) => m.metadataDocumentsSupported && m.registrationEndpoint !== undefined)
      .map((m) => new URL(m.exchange.url).origin),
  )
}

/**
 * Where an authorization server advertises both, a client uses its Client ID Metadata Document URL
 * as `client_id` rather than registering dynamically: 2026-07-28 deprecates dynamic registration
 * for it (SEP-991). A client the user pre-registered is client-registration's to judge.
 */
export const clientIdMetadataPreferred: Property = {
  id: ID,
  statement:
    'Where the authorization server advertises client_id_metadata_document_supported, the client uses its metadata document URL as client_id and does not register dynamically.',
  source: spec('2026-07-28', 'Authorization › Client Registration (priority order) › Advertising CIMD Support', {
    page: 'basic/authorization/client-registration',
  }),
  level: 'SHOULD',
  exercised: (trial) => trial.config.oauthClientId === undefined && bothAdvertised(trial).size > 0,
  check(trial) {
    const origins = bothAdvertised(trial)
    return registrationRequests(trial)
      .filter((e) => origins.has(new URL(e.url).origin))
      .map((e) => ({
        property: ID,
        exchange: e.seq,
        message: `registration request #${e.seq} registered dynamically at an authorization server that advertised client_id_metadata_document_supported`,
      }))
  },
}
