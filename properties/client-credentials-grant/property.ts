import { extension, rfc, type Property } from '../../src/property/property.js'
import { CLIENT_CREDENTIALS_GRANT } from '../../src/spec/oauth-grants.js'
import { authorizationServerTokenRequests, userFlowRequests } from '../../src/traffic/machine-grants.js'

const ID = 'client-credentials-grant'

function configuredForClientCredentials(grant: string | undefined): boolean {
  return grant === 'client-credentials-basic' || grant === 'client-credentials-jwt'
}

/**
 * A client configured with client credentials gets its tokens with the client credentials grant:
 * no authorization page, no registration, no other grant (a refresh token aside). The conformance
 * suite's `client-credentials-grant-type` check.
 */
export const clientCredentialsGrant: Property = {
  id: ID,
  statement:
    'A client configured with client credentials requests tokens with grant_type=client_credentials, and never opens an authorization request or registers.',
  source: extension('client-credentials', 'Client Credentials Grant', [rfc(6749, '4.4')]),
  level: 'MUST',
  exercised: (trial) =>
    configuredForClientCredentials(trial.config.grant) &&
    authorizationServerTokenRequests(trial).length + userFlowRequests(trial).length > 0,
  check(trial) {
    const wrongGrant = authorizationServerTokenRequests(trial)
      .filter(({ form }) => form.get('grant_type') !== CLIENT_CREDENTIALS_GRANT && form.get('grant_type') !== 'refresh_token')
      .map(({ exchange, form }) => ({
        property: ID,
        exchange: exchange.seq,
        message: `token request #${exchange.seq} uses grant_type=${form.get('grant_type') ?? '(none)'}, not ${CLIENT_CREDENTIALS_GRANT}, though the client is configured with client credentials`,
      }))
    const userFlow = userFlowRequests(trial).map((exchange) => ({
      property: ID,
      exchange: exchange.seq,
      message: `request #${exchange.seq} ${exchange.method} ${new URL(exchange.url).pathname} belongs to a user's authorization flow, though the client is configured with client credentials`,
    }))
    return [...wrongGrant, ...userFlow].sort((a, b) => a.exchange - b.exchange)
  },
}
