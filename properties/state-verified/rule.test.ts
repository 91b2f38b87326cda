import { describe, expect, it } from 'vitest'
import { stateVerified } from './property.js'
import { config, trialOf } from '../../test/helpers/trials.js'

const authorize = (state: string | undefined, returned: string | undefined) => ({
  method: 'GET',
  url: `https://auth.test/authorize?response_type=code${state ? `&state=${state}` : ''}`,
  status: 302,
  responseHeaders: [['location', `http://127.0.0.1:33418/callback?code=c1${returned ? `&state=${returned}` : ''}`]] as Array<
    [string, string]
  >,
})
const redeem = { method: 'POST', url: 'https://auth.test/token', requestBody: 'grant_type=authorization_code&code=c1' }

describe('state-verified', () => {
  it('blames an authorization request without state, and a redeemed code whose callback state differed', () => {
    expect(stateVerified.check(trialOf(config(), [authorize(undefined, undefined), redeem])).map((v) => v.exchange)).toEqual([1])
    expect(stateVerified.check(trialOf(config(), [authorize('s1', 'injected'), redeem])).map((v) => v.exchange)).toEqual([2])
    expect(stateVerified.check(trialOf(config(), [authorize('s1', undefined), redeem])).map((v) => v.exchange)).toEqual([2])
  })

  it('takes a matching state, and a mismatched callback whose code is never redeemed', () => {
    expect(stateVerified.check(trialOf(config(), [authorize('s1', 's1'), redeem]))).toEqual([])
    const discarded = trialOf(config(), [authorize('s1', 'injected')])
    expect(stateVerified.exercised(discarded)).toBe(true)
    expect(stateVerified.check(discarded)).toEqual([])
  })
})
