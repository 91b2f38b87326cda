import { spec, type Property, type Violation } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import { headerValue, type Exchange } from '../../src/core/exchange.js'
import { authorizeRequests, tokenRequests } from '../../src/traffic/oauth-flow.js'
import { pkceChallengeOf } from '../../src/spec/pkce.js'

const ID = 'pkce-verifier-matches'

/** The code an authorization request's answer handed the client (the redirect's `code`), if any. */
function codeOf(exchange: Exchange): string | undefined {
  const location = headerValue(exchange.responseHeaders, 'location')
  if (!location) return undefined
  try {
    return new URL(location, exchange.url).searchParams.get('code') ?? undefined
  } catch {
    return undefined
  }
}

/**
 * Each authorization-code token request with the authorization request whose code it redeems (with
 * a challenge). Left out: the first redemption of a code from a burst of authorization requests
 * (more than one with no token request between them). A client running flows side by side
 * (concurrent 401s, no single flight) keeps one verifier for them all, so which code meets which
 * verifier is a race; the burst itself is bounded-auth-retries' to judge. So is a first redemption
 * with the verifier of another flow's authorization request (`anotherFlowsVerifier`). A spent code (one the
 * server already exchanged for a token) redeemed again is judged: its flow was over, so the
 * verifier can only be another flow's.
 */
function redemptions(trial: Trial) {
  const authorizations = authorizeRequests(trial)
  const byCode = new Map<string, Exchange>()
  for (const authorization of authorizations) {
    const code = codeOf(authorization)
    if (code && new URL(authorization.url).searchParams.get('code_challenge')) byCode.set(code, authorization)
  }
  const tokens = tokenRequests(trial)
  // An authorization request with another one and no token request between them: one of a burst.
  const inBurst = (authorization: Exchange) =>
    authorizations.some((other) => {
      if (other === authorization) return false
      const from = Math.min(other.requestTick, authorization.requestTick)
      const to = Math.max(other.requestTick, authorization.requestTick)
      return !tokens.some(({ exchange }) => exchange.requestTick > from && exchange.requestTick < to)
    })
  const redeemed = new Set<string>()
  return tokens.flatMap(({ exchange, form }) => {
    const code = form.get('code') ?? ''
    const authorization = form.get('grant_type') === 'authorization_code' ? byCode.get(code) : undefined
    if (!authorization) return []
    // Spent: redeemed before, and the server took it (a failed redemption spends nothing).
    const reused = redeemed.has(code)
    if (exchange.status !== undefined && exchange.status < 300) redeemed.add(code)
    return inBurst(authorization) && !reused ? [] : [{ exchange, form, authorization, reused }]
  })
}

/**
 * Whether `verifier` is the verifier of another authorization request of the session: a flow that
 * ran beside this one (concurrent 401s) replaced the one verifier the client keeps, even when its
 * authorization request went out after this code's redemption. The same race as a burst.
 */
function anotherFlowsVerifier(trial: Trial, verifier: string, authorization: Exchange): boolean {
  return authorizeRequests(trial).some((other) => {
    if (other === authorization) return false
    const params = new URL(other.url).searchParams
    const challenge = params.get('code_challenge')
    return challenge !== null && pkceChallengeOf(verifier, params.get('code_challenge_method') ?? 'plain') === challenge
  })
}

/**
 * The token request that redeems an authorization code carries the `code_verifier` whose challenge
 * (S256, or plain as the request said) is the `code_challenge` of the authorization request that
 * code came from.
 */
export const pkceVerifierMatches: Property = {
  id: ID,
  statement:
    "The token request redeeming an authorization code carries the code_verifier whose challenge is that authorization request's code_challenge.",
  source: spec('2025-03-26', 'Authorization › Authorization Code Protection (PKCE, RFC 7636 §4.5; OAuth 2.1 §4.1.3)', {
    alsoBefore: true,
  }),
  level: 'MUST',
  exercised: (trial) => redemptions(trial).length > 0,
  check(trial: Trial): Violation[] {
    for (const { exchange, form, authorization, reused } of redemptions(trial)) {
      const params = new URL(authorization.url).searchParams
      const verifier = form.get('code_verifier')
      const method = params.get('code_challenge_method') ?? 'plain'
      if (verifier !== null && pkceChallengeOf(verifier, method) === params.get('code_challenge')) continue
      if (verifier !== null && !reused && anotherFlowsVerifier(trial, verifier, authorization)) continue
      return [
        {
          property: ID,
          exchange: exchange.seq,
          message:
            verifier === null
              ? `token request #${exchange.seq} redeemed the code of authorization request #${authorization.seq} without a code_verifier`
              : `token request #${exchange.seq} redeemed the code of authorization request #${authorization.seq} with a code_verifier whose ${method} challenge is not that request's code_challenge`,
        },
      ]
    }
    return []
  },
}
