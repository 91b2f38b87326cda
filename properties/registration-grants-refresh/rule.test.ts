import { describe, expect, it } from 'vitest'
import { registrationGrantsRefresh } from './property.js'
import { config, trialOf } from '../../test/helpers/trials.js'

const register = (grants?: string[]) => ({
  method: 'POST',
  url: 'https://auth.test/register',
  requestBody: JSON.stringify({ redirect_uris: ['http://127.0.0.1/cb'], ...(grants ? { grant_types: grants } : {}) }),
})
const token = (grant: string) => ({ method: 'POST', url: 'https://auth.test/token', requestBody: `grant_type=${grant}&code=x` })

describe('registration-grants-refresh', () => {
  it('blames a registration without refresh_token (or without grant_types) of a client that refreshed', () => {
    for (const grants of [['authorization_code'], undefined]) {
      const trial = trialOf(config(), [register(grants), token('authorization_code'), token('refresh_token')])
      expect(registrationGrantsRefresh.check(trial).map((v) => v.exchange)).toEqual([1])
    }
  })

  it('takes refresh_token listed, and does not judge a client that never refreshed', () => {
    const listed = trialOf(config(), [register(['authorization_code', 'refresh_token']), token('refresh_token')])
    expect(registrationGrantsRefresh.check(listed)).toEqual([])
    const never = trialOf(config(), [register(['authorization_code']), token('authorization_code')])
    expect(registrationGrantsRefresh.exercised(never)).toBe(false)
  })
})
