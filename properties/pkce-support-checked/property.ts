import { spec, type Property } from '../../src/property/property.js'
import { authorizeRequests, servedAsMetadata } from '../../src/traffic/oauth-flow.js'

const ID = 'pkce-support-checked'

/** AS metadata the client received that does not advertise `code_challenge_methods_supported`. */
function withoutPkce(trial: Parameters<Property['check']>[0]) {
  return servedAsMetadata(trial).filter((m) => m.codeChallengeMethods === undefined)
}

/**
 * When the authorization server's metadata leaves out `code_challenge_methods_supported`, the
 * client cannot know PKCE is enforced and must refuse to authorize with that server.
 */
export const pkceSupportChecked: Property = {
  id: ID,
  statement:
    'When the authorization server metadata lacks code_challenge_methods_supported, the client refuses to proceed: no authorization request to that server.',
  source: spec('2025-11-25', 'Authorization › Security Considerations › Authorization Code Protection'),
  level: 'MUST',
  exercised: (trial) => withoutPkce(trial).length > 0,
  check(trial) {
    const unsafe = withoutPkce(trial)
    return authorizeRequests(trial).flatMap((e) => {
      const metadata = unsafe.find(
        (m) => m.exchange.requestTick < e.requestTick && m.authorizationEndpoint === e.url.split('?')[0],
      )
      if (!metadata) return []
      return [
        {
          property: ID,
          exchange: e.seq,
          message: `authorization request #${e.seq} went to ${metadata.authorizationEndpoint}, whose metadata (#${metadata.exchange.seq}) lacks code_challenge_methods_supported`,
        },
      ]
    })
  },
}
