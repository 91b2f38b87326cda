import { spec, type Property } from '../../src/property/property.js'
import { authorizeRequests, registrationRequests, servedAsMetadata } from '../../src/traffic/oauth-flow.js'
import { isMetadataDocumentUrl } from '../../src/spec/client-id-metadata.js'

const ID = 'client-registration'

/**
 * A client the user pre-registered does not register again, and dynamic registration goes only to
 * the `registration_endpoint` the authorization server advertised (never a guessed `/register`), and
 * a Client ID Metadata Document URL used as `client_id` is https with a path (MUST).
 */
export const clientRegistration: Property = {
  id: ID,
  statement:
    'A client with a pre-registered client id does not register; dynamic client registration goes only to an advertised registration_endpoint; a URL client_id (Client ID Metadata Document) is https with a path.',
  source: spec('2025-11-25', 'Authorization › Client Registration Approaches'),
  level: 'SHOULD',
  // 2025-03-26 allowed the default /register; the order of approaches exists from 2025-11-25.
  exercised: (trial) => servedAsMetadata(trial).length > 0 || registrationRequests(trial).length > 0,
  check(trial) {
    const advertised = new Set(servedAsMetadata(trial).flatMap((m) => (m.registrationEndpoint ? [m.registrationEndpoint] : [])))
    const preRegistered = trial.config.oauthClientId
    const insecureMetadataUrls = authorizeRequests(trial).flatMap((e) => {
      const clientId = new URL(e.url).searchParams.get('client_id') ?? ''
      if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(clientId) || isMetadataDocumentUrl(clientId)) return []
      return [
        {
          property: ID,
          exchange: e.seq,
          message: `authorization request #${e.seq} used client_id ${clientId}: a Client ID Metadata Document URL must be https with a path`,
        },
      ]
    })
    const registrations = registrationRequests(trial).flatMap((e) => {
      const url = e.url.split('?')[0]!
      const problems = [
        ...(preRegistered !== undefined ? [`although the config pre-registered client id "${preRegistered}"`] : []),
        ...(!advertised.has(url) ? ['to an endpoint no authorization server metadata advertised'] : []),
      ]
      return problems.map((problem) => ({
        property: ID,
        exchange: e.seq,
        message: `request #${e.seq} POST ${url} registered a client ${problem}`,
      }))
    })
    return [...registrations, ...insecureMetadataUrls]
  },
}
