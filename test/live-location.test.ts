import { describe, expect, it } from 'vitest'
import { liveLocation } from '../src/replay/rewrite-ids.js'

describe('a recorded redirect replayed', () => {
  const recorded = 'https://auth.test/authorize?client_id=c&state=recorded-1'
  const live = 'https://auth.test/authorize?client_id=c&state=live-2'

  it('echoes the live request state, and keeps the redacted code inside the query', () => {
    const location = liveLocation('http://127.0.0.1:33418/callback?code=<redacted:code#1>&state=recorded-1', recorded, live)
    const callback = new URL(location).searchParams
    expect(callback.get('state')).toBe('live-2')
    expect(callback.get('code')).toBe('<redacted:code#1>')
  })

  it('leaves a location alone that did not echo the recorded state', () => {
    expect(liveLocation('https://auth.test/done?state=other', recorded, live)).toBe('https://auth.test/done?state=other')
    expect(liveLocation('/next', 'https://auth.test/authorize', live)).toBe('/next')
  })
})
