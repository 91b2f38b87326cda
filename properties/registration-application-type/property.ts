import { spec, type Property } from '../../src/property/property.js'
import { jsonObject } from '../../src/core/json.js'
import { registrationRequests } from '../../src/traffic/oauth-flow.js'

const ID = 'registration-application-type'

/**
 * Dynamic client registration names the kind of application (OpenID Connect Dynamic Client
 * Registration `application_type`): left out, an OIDC server takes "web", which conflicts with the
 * loopback redirect URIs native MCP clients use.
 */
export const registrationApplicationType: Property = {
  id: ID,
  statement: 'Every dynamic client registration request carries application_type ("native" or "web").',
  source: spec('2026-07-28', 'Authorization › Client Registration › Application Type and Redirect URI Constraints', {
    page: 'basic/authorization/client-registration',
  }),
  level: 'MUST',
  exercised: (trial) => registrationRequests(trial).length > 0,
  check(trial) {
    return registrationRequests(trial).flatMap((e) => {
      const type = jsonObject(e.requestBody)?.application_type
      if (type === 'native' || type === 'web') return []
      return [
        {
          property: ID,
          exchange: e.seq,
          message: `registration request #${e.seq} ${type === undefined ? 'has no application_type' : `has application_type ${JSON.stringify(type)}`}`,
        },
      ]
    })
  },
}
