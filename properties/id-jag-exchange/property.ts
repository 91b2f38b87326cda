import { extension, rfc, type Property } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import { jsonObject } from '../../src/core/json.js'
import { IDP_CLIENT_ID } from '../../src/credentials/grant-credentials.js'
import { testKey } from '../../src/credentials/test-keys.js'
import { audiencesOf, decodeJws, verifyJws } from '../../src/spec/jws.js'
import { ID_JAG_TOKEN_TYPE, ID_TOKEN_TYPE, JWT_BEARER_GRANT, TOKEN_EXCHANGE_GRANT } from '../../src/spec/oauth-grants.js'
import { servedAsMetadata, servedPrms } from '../../src/traffic/oauth-flow.js'
import {
  authorizationServerTokenRequests,
  identityProviderTokenRequests,
  userFlowRequests,
} from '../../src/traffic/machine-grants.js'

const ID = 'id-jag-exchange'

/** The ID-JAGs the identity provider returned in this trial. */
function idJagsIssued(trial: Trial): Set<string> {
  return new Set(
    identityProviderTokenRequests(trial).flatMap(({ exchange }) => {
      const token = jsonObject(exchange.responseBody)?.access_token
      return exchange.status === 200 && typeof token === 'string' ? [token] : []
    }),
  )
}

/** What is wrong with a token exchange request at the IdP (SEP-990 §, RFC 8693 §2.1), or undefined. */
function exchangeProblem(trial: Trial, form: URLSearchParams): string | undefined {
  if (form.get('grant_type') !== TOKEN_EXCHANGE_GRANT)
    return `grant_type is ${form.get('grant_type') ?? '(none)'}, not ${TOKEN_EXCHANGE_GRANT}`
  if (form.get('requested_token_type') !== ID_JAG_TOKEN_TYPE) return `requested_token_type is not ${ID_JAG_TOKEN_TYPE}`
  if (form.get('subject_token_type') !== ID_TOKEN_TYPE) return `subject_token_type is not ${ID_TOKEN_TYPE}`
  const idToken = decodeJws(form.get('subject_token') ?? '')
  if (!idToken || !verifyJws(idToken, testKey('identity-provider').publicJwk) || !audiencesOf(idToken).includes(IDP_CLIENT_ID))
    return 'subject_token is not the ID token the user signed in with'
  // The IdP's own metadata, if the client read it, names the IdP: not the audience wanted.
  const idp = new URL(trial.config.identityProvider!).origin
  const issuers = servedAsMetadata(trial)
    .filter((m) => new URL(m.exchange.url).origin !== idp)
    .flatMap((m) => (m.issuer ? [m.issuer.replace(/\/+$/, '')] : []))
  const audience = form.get('audience')?.replace(/\/+$/, '')
  if (issuers.length > 0 && (!audience || !issuers.includes(audience)))
    return `audience is ${form.get('audience') ?? '(none)'}, not the authorization server's issuer ${issuers[0]}`
  const resources = servedPrms(trial).flatMap((p) => (p.resource ? [p.resource] : []))
  if (resources.length > 0 && !resources.includes(form.get('resource') ?? ''))
    return `resource is ${form.get('resource') ?? '(none)'}, not the protected resource ${resources[0]}`
  return undefined
}

/**
 * Enterprise-managed authorization (SEP-990): the client exchanges the user's ID token at the
 * enterprise IdP for an ID-JAG naming the authorization server and the MCP resource (RFC 8693),
 * then presents that ID-JAG as a JWT bearer grant (RFC 7523); it never sends the user to an
 * authorization page. The conformance suite's `complete-flow-token-exchange` and `complete-flow-jwt-bearer`.
 */
export const idJagExchange: Property = {
  id: ID,
  statement:
    'A client configured for enterprise-managed authorization exchanges the ID token at the IdP for an ID-JAG (audience the AS issuer, resource the MCP server) and presents that ID-JAG in a JWT bearer grant, never a user flow.',
  source: extension('enterprise-managed', 'Token Exchange and JWT Bearer Grant', [rfc(8693, '2.1'), rfc(7523, '2.1')]),
  level: 'MUST',
  exercised: (trial) =>
    trial.config.grant === 'enterprise-managed' &&
    identityProviderTokenRequests(trial).length +
      authorizationServerTokenRequests(trial).length +
      userFlowRequests(trial).length >
      0,
  check(trial) {
    const exchanges = identityProviderTokenRequests(trial).flatMap(({ exchange, form }) => {
      const problem = exchangeProblem(trial, form)
      return problem
        ? [
            {
              property: ID,
              exchange: exchange.seq,
              message: `token exchange #${exchange.seq} at the identity provider: ${problem}`,
            },
          ]
        : []
    })
    const issued = idJagsIssued(trial)
    const grants = authorizationServerTokenRequests(trial).flatMap(({ exchange, form }) => {
      const grant = form.get('grant_type')
      if (grant === 'refresh_token') return []
      const problem =
        grant !== JWT_BEARER_GRANT
          ? `uses grant_type=${grant ?? '(none)'}, not ${JWT_BEARER_GRANT}`
          : !issued.has(form.get('assertion') ?? '')
            ? 'does not present the ID-JAG the identity provider issued as its assertion'
            : undefined
      return problem ? [{ property: ID, exchange: exchange.seq, message: `token request #${exchange.seq} ${problem}` }] : []
    })
    const userFlow = userFlowRequests(trial).map((exchange) => ({
      property: ID,
      exchange: exchange.seq,
      message: `request #${exchange.seq} ${exchange.method} ${new URL(exchange.url).pathname} belongs to a user's authorization flow, though the enterprise IdP grants access`,
    }))
    return [...exchanges, ...grants, ...userFlow].sort((a, b) => a.exchange - b.exchange)
  },
}
