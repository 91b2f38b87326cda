import { describe, expect, it } from 'vitest'
import { boundedAuthRetries, MAX_FRUITLESS_RENEWALS } from './property.js'
import { config, trialOf } from '../../test/helpers/trials.js'

const refusedStream = { method: 'GET', url: 'http://mcp.test/mcp', status: 401 }
const newToken = {
  method: 'POST',
  url: 'https://auth.test/token',
  status: 200,
  requestBody: 'grant_type=refresh_token&refresh_token=r',
  requestHeaders: [['content-type', 'application/x-www-form-urlencoded']] as Array<[string, string]>,
  responseBody: JSON.stringify({ access_token: 'a', token_type: 'Bearer' }),
}
const accepted = {
  method: 'POST',
  url: 'http://mcp.test/mcp',
  status: 200,
  requestBody: '{"jsonrpc":"2.0","id":2,"method":"tools/call"}',
}

/** The GET stream refused, then `renewals` times: a new token and the same request refused again. */
const loop = (renewals: number) => [refusedStream, ...Array.from({ length: renewals }, () => [newToken, refusedStream]).flat()]

describe('bounded-auth-retries by the shape of a loop', () => {
  it(`a request refused again after each new token ${MAX_FRUITLESS_RENEWALS} times in a row is a loop, however few requests that is`, () => {
    const violations = boundedAuthRetries.check(trialOf(config(), loop(MAX_FRUITLESS_RENEWALS)))
    expect(violations.map((v) => v.message)).toEqual([
      'request #7: the GET stream was refused, sent again after a new token and refused again 3 times in a row (#1, #3, #5, #7): a loop that gains nothing',
    ])
  })

  it('one renewal fewer, or a renewal that gained something in between, is no loop', () => {
    expect(boundedAuthRetries.check(trialOf(config(), loop(MAX_FRUITLESS_RENEWALS - 1)))).toEqual([])
    // The same refused request sent again without a new token is counted in total, not as this loop.
    const unchanged = [refusedStream, refusedStream, refusedStream, refusedStream]
    expect(boundedAuthRetries.check(trialOf(config(), unchanged))).toEqual([])
    // Refusals of different requests, each fixed by its renewal (tokens expiring every few requests).
    const expiring = [
      { ...accepted, status: 401 },
      newToken,
      accepted,
      refusedStream,
      newToken,
      { ...accepted, status: 401 },
      newToken,
      accepted,
    ]
    expect(boundedAuthRetries.check(trialOf(config(), expiring))).toEqual([])
  })

  it('allows the totals per session minute: a session held for minutes may retry more in total, not faster', () => {
    const minute = 60_000
    const spread = Array.from({ length: 14 }, (_, i) => ({ ...refusedStream, sentAtMs: i * 10_000 }))
    expect(boundedAuthRetries.check(trialOf(config(), spread))).toEqual([])
    const burst = spread.map((e, i) => ({ ...e, sentAtMs: i * (minute / 100) }))
    expect(boundedAuthRetries.check(trialOf(config(), burst)).map((v) => v.exchange)).toEqual([11])
  })
})
