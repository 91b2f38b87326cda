import { extension, rfc, type Property } from '../../src/property/property.js'
import type { Exchange } from '../../src/core/exchange.js'
import { headerValue } from '../../src/core/exchange.js'
import type { Trial } from '../../src/core/trial.js'
import { MACHINE_CLIENT_ID, MACHINE_CLIENT_SECRET } from '../../src/credentials/grant-credentials.js'
import { testKey } from '../../src/credentials/test-keys.js'
import { audiencesOf, decodeJws, verifyJws } from '../../src/spec/jws.js'
import { JWT_CLIENT_ASSERTION } from '../../src/spec/oauth-grants.js'
import { servedAsMetadata, tokenRequestClientId } from '../../src/traffic/oauth-flow.js'
import { authorizationServerTokenRequests } from '../../src/traffic/machine-grants.js'

const ID = 'client-authentication-as-configured'

/** The configured client authentication: a secret by HTTP Basic, or a private key JWT. */
function methodOf(grant: string | undefined): 'client_secret_basic' | 'private_key_jwt' | undefined {
  if (grant === 'client-credentials-basic' || grant === 'enterprise-managed') return 'client_secret_basic'
  if (grant === 'client-credentials-jwt') return 'private_key_jwt'
  return undefined
}

/** The decoded HTTP Basic password (form-urlencoded, RFC 6749 §2.3.1), or undefined without Basic. */
function basicSecret(exchange: Exchange): string | undefined {
  const basic = /^Basic (.+)$/i.exec(headerValue(exchange.requestHeaders, 'authorization') ?? '')?.[1]
  if (!basic) return undefined
  try {
    const decoded = atob(basic)
    return decodeURIComponent(decoded.slice(decoded.indexOf(':') + 1).replace(/\+/g, ' '))
  } catch {
    return ''
  }
}

/** What is wrong with a private key JWT client authentication (RFC 7523 §2.2, §3), or undefined. */
function assertionProblem(form: URLSearchParams, audiences: readonly string[]): string | undefined {
  if (form.get('client_assertion_type') !== JWT_CLIENT_ASSERTION)
    return `client_assertion_type is ${form.get('client_assertion_type') ?? '(none)'}, not ${JWT_CLIENT_ASSERTION}`
  const jws = decodeJws(form.get('client_assertion') ?? '')
  if (!jws) return 'client_assertion is missing or not a JWT'
  if (!verifyJws(jws, testKey('machine-client').publicJwk)) return 'client_assertion is not signed by the configured private key'
  const { iss, sub, aud, exp, jti } = jws.payload
  if (iss !== MACHINE_CLIENT_ID) return `client_assertion iss is ${JSON.stringify(iss)}, not the client id ${MACHINE_CLIENT_ID}`
  if (sub !== MACHINE_CLIENT_ID) return `client_assertion sub is ${JSON.stringify(sub)}, not the client id ${MACHINE_CLIENT_ID}`
  if (!audiencesOf(jws).some((a) => audiences.includes(a)))
    return `client_assertion aud ${JSON.stringify(aud)} does not name the authorization server (${audiences[0]})`
  if (typeof exp !== 'number') return 'client_assertion has no exp'
  if (typeof jti !== 'string' || jti === '') return 'client_assertion has no jti'
  return undefined
}

/** The values an assertion's `aud` may take: the issuer (with or without a trailing slash) and the token endpoint. */
function audiencesFor(trial: Trial, tokenUrl: string): string[] {
  const endpoint = tokenUrl.split(/[?#]/)[0]!
  const metadata = servedAsMetadata(trial).find((m) => m.tokenEndpoint === endpoint)
  const issuer = metadata?.issuer?.replace(/\/+$/, '')
  return issuer ? [issuer, `${issuer}/`, endpoint] : [endpoint]
}

/**
 * Each token request of a client configured with a secret or a private key authenticates as
 * configured: HTTP Basic with the configured id and secret, or a JWT signed by the configured key
 * naming the client as iss and sub and the authorization server as aud; one method only. The
 * conformance suite's `client-credentials-{basic-auth,assertion-type,jwt-iss,jwt-sub,jwt-verified}`.
 */
export const clientAuthenticationAsConfigured: Property = {
  id: ID,
  statement:
    'A client configured with a client secret or a private key authenticates every token request with it as configured: HTTP Basic, or a signed JWT with iss and sub the client id and aud the authorization server.',
  source: extension('client-credentials', 'Client Authentication', [rfc(6749, '2.3.1'), rfc(7523, '2.2'), rfc(7523, '3')]),
  level: 'MUST',
  exercised: (trial) => methodOf(trial.config.grant) !== undefined && authorizationServerTokenRequests(trial).length > 0,
  check(trial) {
    const method = methodOf(trial.config.grant)!
    return authorizationServerTokenRequests(trial).flatMap(({ exchange, form }) => {
      const at = `token request #${exchange.seq}`
      let problem: string | undefined
      if (method === 'client_secret_basic') {
        const secret = basicSecret(exchange)
        const sent = headerValue(exchange.requestHeaders, 'authorization') ?? ''
        if (secret === undefined && /(^|,\s*)Basic\s/i.test(sent))
          problem = `HTTP Basic client authentication merged with another Authorization value ("${sent
            .split(/,\s*/)
            .map((part) => part.split(' ')[0])
            .join(' …, ')} …"), which no authorization server can read`
        else if (secret === undefined) problem = 'no HTTP Basic client authentication (client_secret_basic) as configured'
        else if (tokenRequestClientId(exchange, form) !== MACHINE_CLIENT_ID || secret !== MACHINE_CLIENT_SECRET)
          problem = 'HTTP Basic with another id or secret than configured (each must be form-urlencoded, RFC 6749 §2.3.1)'
        else if (form.has('client_secret') || form.has('client_assertion'))
          problem = 'a second client authentication in the body besides HTTP Basic'
      } else {
        const wrong = assertionProblem(form, audiencesFor(trial, exchange.url))
        if (wrong) problem = wrong
        else if (basicSecret(exchange) !== undefined || form.has('client_secret'))
          problem = 'a secret besides the private key JWT'
      }
      return problem ? [{ property: ID, exchange: exchange.seq, message: `${at}: ${problem}` }] : []
    })
  },
}
