import { describe, expect, it } from 'vitest'
import { pkceVerifierMatches } from './property.js'
import { pkceChallengeOf } from '../../src/spec/pkce.js'
import { config, trialOf } from '../../test/helpers/trials.js'

const AS = 'https://auth.test'
const verifier = (n: number) => `verifier-${n}-`.padEnd(50, 'v')
/** The harness browser opening an authorization URL with the challenge of verifier `n`, answered with code `code-n`. */
const authorize = (n: number) => ({
  method: 'GET',
  url: `${AS}/authorize?response_type=code&client_id=c1&code_challenge=${pkceChallengeOf(verifier(n), 'S256')}&code_challenge_method=S256`,
  status: 302,
  responseHeaders: [['location', `http://127.0.0.1:9/callback?code=code-${n}`]] as Array<[string, string]>,
})
/** A token request redeeming `code-n` with verifier `v`. */
const redeem = (n: number, v: number, status = 200) => ({
  method: 'POST',
  status,
  url: `${AS}/token`,
  requestBody: `grant_type=authorization_code&code=code-${n}&code_verifier=${verifier(v)}&client_id=c1`,
})

describe('pkce-verifier-matches', () => {
  it('holds when each code is redeemed with its own verifier, and is violated by another one', () => {
    expect(pkceVerifierMatches.check(trialOf(config(), [authorize(1), redeem(1, 1)]))).toEqual([])
    const [violation] = pkceVerifierMatches.check(trialOf(config(), [authorize(1), redeem(1, 2)]))
    expect(violation?.message).toMatch(/code_verifier whose S256 challenge is not that request's code_challenge/)
  })

  it('leaves overlapping flows to bounded-auth-retries (one verifier slot, a race), and judges a spent code redeemed again', () => {
    // Concurrent 401s: two authorizations before either code is redeemed; the last verifier wins.
    const overlapped = trialOf(config(), [authorize(1), authorize(2), redeem(1, 2), redeem(2, 2)])
    expect(pkceVerifierMatches.check(overlapped)).toEqual([])
    // Two flows of the burst both redeeming one code, both refused: nothing was spent, still the race.
    const twice = trialOf(config(), [authorize(1), authorize(2), redeem(2, 1, 400), redeem(2, 1, 400)])
    expect(pkceVerifierMatches.check(twice)).toEqual([])
    // Two flows side by side where the second's authorization went out after the first's redemption,
    // but its verifier had already replaced the first's (ts-sdk 1.32.2, seed 10 of a sweep).
    const late = trialOf(config(), [authorize(1), redeem(1, 2, 400), authorize(2), redeem(2, 2)])
    expect(pkceVerifierMatches.check(late)).toEqual([])
    // The ts-sdk adapter's bug: code 1 redeemed, a second authorization, then code 1 again with its verifier.
    const reused = trialOf(config(), [authorize(1), redeem(1, 1), authorize(2), redeem(1, 2)])
    expect(pkceVerifierMatches.check(reused).map((v) => v.exchange)).toEqual([4])
  })
})
