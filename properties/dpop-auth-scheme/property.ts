import { extension, rfc, type Property } from '../../src/property/property.js'
import { boundTokens, requestsWithBoundTokens } from '../../src/traffic/dpop-traffic.js'

const ID = 'dpop-auth-scheme'

/**
 * A DPoP-bound access token (`token_type: DPoP`) is presented with the `DPoP` authorization
 * scheme, never as a Bearer token (RFC 9449 §7.1). The conformance suite's `sep-1932-client-dpop-auth-scheme`.
 */
export const dpopAuthScheme: Property = {
  id: ID,
  statement: 'A DPoP-bound access token is sent as Authorization: DPoP <token>, never with the Bearer scheme.',
  source: extension('dpop', 'Presenting the Token', [rfc(9449, '7.1')]),
  level: 'MUST',
  exercised: (trial) => trial.config.dpop === true && boundTokens(trial).size > 0,
  check: (trial) =>
    requestsWithBoundTokens(trial)
      .filter(({ scheme }) => scheme !== 'dpop')
      .map(({ exchange, scheme }) => ({
        property: ID,
        exchange: exchange.seq,
        message: `request #${exchange.seq} sends a DPoP-bound token with the ${scheme} scheme instead of DPoP`,
      })),
}
