import { extension, rfc, type Property, type Violation } from '../../src/property/property.js'
import { headerValue } from '../../src/core/exchange.js'
import { checkDpopProof } from '../../src/spec/dpop-proof.js'
import { dpopServerOrigins, dpopTokenRequests, requestsWithBoundTokens } from '../../src/traffic/dpop-traffic.js'

const ID = 'dpop-proof-valid'

/**
 * A client using DPoP sends one well-formed proof (RFC 9449 §4.2, §4.3) with every token request
 * to an authorization server that offers DPoP and with every request that presents a DPoP-bound
 * token: `typ`, an asymmetric `alg`, a public `jwk`, `htm` and `htu` of that request, `iat`, a
 * `jti` never used before, `ath` of the token, signed by the key the token is bound to. The
 * conformance suite's `sep-1932-client-token-request-proof` and `sep-1932-client-fresh-proof`.
 */
export const dpopProofValid: Property = {
  id: ID,
  statement:
    'A client using DPoP sends a fresh, valid proof (typ, alg, jwk, htm, htu, iat, unique jti; ath of the token) with every token request to a DPoP authorization server and every request presenting a DPoP-bound token, signed by the key the token is bound to.',
  source: extension('dpop', 'Proof of Possession', [rfc(9449, '4.2'), rfc(9449, '4.3'), rfc(9449, '5'), rfc(9449, '7.1')]),
  level: 'MUST',
  exercised: (trial) => trial.config.dpop === true && dpopServerOrigins(trial).size > 0 && dpopTokenRequests(trial).length > 0,
  check(trial) {
    const violations: Violation[] = []
    const seen = new Map<string, number>()
    const judge = (seq: number, header: string | undefined, expected: Parameters<typeof checkDpopProof>[1], jkt?: string) => {
      const proof = checkDpopProof(header, { ...expected, at: null })
      if (typeof proof === 'string')
        return violations.push({ property: ID, exchange: seq, message: `request #${seq}: DPoP proof invalid: ${proof}` })
      const earlier = seen.get(proof.jti)
      if (earlier !== undefined)
        return violations.push({
          property: ID,
          exchange: seq,
          message: `request #${seq} reuses the DPoP proof jti of request #${earlier}: each proof must be fresh`,
        })
      seen.set(proof.jti, seq)
      if (jkt !== undefined && proof.jkt !== jkt)
        violations.push({
          property: ID,
          exchange: seq,
          message: `request #${seq}: the DPoP proof is signed by another key than the token is bound to`,
        })
      return undefined
    }
    const resourceRequests = new Map(requestsWithBoundTokens(trial).map((r) => [r.exchange.seq, r]))
    for (const exchange of trial.exchanges) {
      const header = headerValue(exchange.requestHeaders, 'dpop')
      const withToken = resourceRequests.get(exchange.seq)
      if (withToken)
        judge(exchange.seq, header, { method: exchange.method, url: exchange.url, accessToken: withToken.token }, withToken.jkt)
      else if (dpopTokenRequests(trial).includes(exchange)) judge(exchange.seq, header, { method: 'POST', url: exchange.url })
    }
    return violations
  },
}
