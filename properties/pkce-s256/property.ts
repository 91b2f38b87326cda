import { spec, type Property } from '../../src/property/property.js'
import { authorizeRequests } from '../../src/traffic/oauth-flow.js'

const ID = 'pkce-s256'

/** Every authorization request carries a PKCE `code_challenge` with `code_challenge_method=S256`. */
export const pkceS256: Property = {
  id: ID,
  statement: 'Every authorization request carries a PKCE code_challenge with code_challenge_method=S256.',
  source: spec('2025-11-25', 'Authorization › Security Considerations › Authorization Code Protection', { alsoBefore: true }),
  level: 'MUST',
  exercised: (trial) => authorizeRequests(trial).length > 0,
  check: (trial) =>
    authorizeRequests(trial).flatMap((e) => {
      const params = new URL(e.url).searchParams
      if (params.get('code_challenge') && params.get('code_challenge_method') === 'S256') return []
      const problem = params.get('code_challenge')
        ? `code_challenge_method ${params.get('code_challenge_method') ?? '(absent)'}`
        : 'no code_challenge'
      return [
        { property: ID, exchange: e.seq, message: `authorization request #${e.seq} GET ${e.url.split('?')[0]} had ${problem}` },
      ]
    }),
}
