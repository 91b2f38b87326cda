import { extension, rfc, type Property } from '../../src/property/property.js'
import type { Exchange } from '../../src/core/exchange.js'
import { headerValue } from '../../src/core/exchange.js'
import type { Trial } from '../../src/core/trial.js'
import { decodeJws } from '../../src/spec/jws.js'
import { challengeParam } from '../../src/spec/www-authenticate.js'
import { oauthErrorOf } from '../../src/traffic/machine-grants.js'

const ID = 'dpop-nonce-honoured'

/** Answers that ask for a server nonce in the proof: `use_dpop_nonce` with a `DPoP-Nonce` (RFC 9449 §8 at the AS, §9 at the resource server). */
function nonceChallenges(trial: Trial): Array<{ exchange: Exchange; nonce: string }> {
  return trial.exchanges.flatMap((exchange) => {
    const nonce = headerValue(exchange.responseHeaders, 'dpop-nonce')
    const asked =
      oauthErrorOf(exchange) === 'use_dpop_nonce' ||
      challengeParam(headerValue(exchange.responseHeaders, 'www-authenticate'), 'error') === 'use_dpop_nonce'
    return nonce && asked ? [{ exchange, nonce }] : []
  })
}

function proofNonce(exchange: Exchange): string | undefined {
  const proof = headerValue(exchange.requestHeaders, 'dpop')
  const nonce = proof ? decodeJws(proof)?.payload.nonce : undefined
  return typeof nonce === 'string' ? nonce : undefined
}

/**
 * After a server answers `use_dpop_nonce` with a `DPoP-Nonce`, the client's next proof to that
 * server carries that nonce: it retries the token request (§8) or the MCP request (§9) with it.
 * The conformance suite's `sep-1932-client-as-nonce` and `sep-1932-client-rs-nonce`.
 */
export const dpopNonceHonoured: Property = {
  id: ID,
  statement:
    'After an authorization server or MCP server answers use_dpop_nonce with a DPoP-Nonce, the client retries, and its next DPoP proof to that server carries that nonce.',
  source: extension('dpop', 'Server-Provided Nonce', [rfc(9449, '8'), rfc(9449, '9')]),
  level: 'MUST',
  exercised: (trial) => trial.config.dpop === true && nonceChallenges(trial).length > 0,
  check(trial) {
    return nonceChallenges(trial).flatMap(({ exchange: challenge, nonce }) => {
      const origin = new URL(challenge.url).origin
      const next = trial.exchanges.find(
        (e) =>
          challenge.responseTick !== undefined &&
          e.requestTick > challenge.responseTick &&
          new URL(e.url).origin === origin &&
          headerValue(e.requestHeaders, 'dpop') !== undefined,
      )
      if (!next)
        return [
          {
            property: ID,
            exchange: challenge.seq,
            message: `request #${challenge.seq} was answered use_dpop_nonce, and the client sent no proof to that server again`,
          },
        ]
      if (proofNonce(next) === nonce) return []
      return [
        {
          property: ID,
          exchange: next.seq,
          message: `request #${next.seq}'s DPoP proof carries ${proofNonce(next) === undefined ? 'no nonce' : 'another nonce'}, after #${challenge.seq} handed it the server's nonce (use_dpop_nonce)`,
        },
      ]
    })
  },
}
