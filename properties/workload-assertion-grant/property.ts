import { extension, rfc, type Property } from '../../src/property/property.js'
import { WORKLOAD_AUDIENCE, WORKLOAD_ISSUER } from '../../src/credentials/grant-credentials.js'
import { testKey } from '../../src/credentials/test-keys.js'
import { audiencesOf, decodeJws, verifyJws } from '../../src/spec/jws.js'
import { JWT_BEARER_GRANT } from '../../src/spec/oauth-grants.js'
import { authorizationServerTokenRequests, userFlowRequests } from '../../src/traffic/machine-grants.js'

const ID = 'workload-assertion-grant'

/** What is wrong with the assertion of a JWT bearer request, or undefined when it is the configured workload token. */
function assertionProblem(assertion: string | null): string | undefined {
  if (!assertion) return 'has no assertion parameter'
  const jws = decodeJws(assertion)
  if (!jws) return 'carries an assertion that is not a JWT'
  // The configured token is signed by the workload issuer for this AS: anything else was not configured.
  if (!verifyJws(jws, testKey('workload-issuer').publicJwk) || jws.payload.iss !== WORKLOAD_ISSUER)
    return 'carries an assertion other than the configured workload identity token'
  if (!audiencesOf(jws).includes(WORKLOAD_AUDIENCE)) return 'carries a workload token for another audience'
  return undefined
}

/**
 * A workload configured with an identity token gets its tokens with the JWT bearer grant, the
 * token as `assertion`, unchanged: no other grant, no authorization page, no registration. The
 * conformance suite's `wif-grant-type` and `wif-assertion-{missing,verified,malformed,audience,expired}`.
 */
export const workloadAssertionGrant: Property = {
  id: ID,
  statement:
    'A client configured with a workload identity token requests tokens with the JWT bearer grant and that token, unchanged, as the assertion; it never opens an authorization request or registers.',
  source: extension('workload-identity', 'JWT Bearer Grant', [rfc(7523, '2.1'), rfc(7523, '3')]),
  level: 'MUST',
  exercised: (trial) =>
    trial.config.grant === 'workload-identity' &&
    authorizationServerTokenRequests(trial).length + userFlowRequests(trial).length > 0,
  check(trial) {
    const requests = authorizationServerTokenRequests(trial).flatMap(({ exchange, form }) => {
      const grant = form.get('grant_type')
      if (grant === 'refresh_token') return []
      const problem =
        grant !== JWT_BEARER_GRANT
          ? `uses grant_type=${grant ?? '(none)'}, not ${JWT_BEARER_GRANT}`
          : assertionProblem(form.get('assertion'))
      return problem ? [{ property: ID, exchange: exchange.seq, message: `token request #${exchange.seq} ${problem}` }] : []
    })
    const userFlow = userFlowRequests(trial).map((exchange) => ({
      property: ID,
      exchange: exchange.seq,
      message: `request #${exchange.seq} ${exchange.method} ${new URL(exchange.url).pathname} belongs to a user's authorization flow, though the client is a workload with an identity token`,
    }))
    return [...requests, ...userFlow].sort((a, b) => a.exchange - b.exchange)
  },
}
