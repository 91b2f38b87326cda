import { spec, type Property } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import { issuedTokens } from '../../src/traffic/oauth-flow.js'

const ID = 'no-header-leak'

/** The secrets a client holds for the MCP server: configured header values (their credential part) and issued tokens. */
function secrets(trial: Trial): Array<{ value: string; what: string }> {
  const configured = Object.entries(trial.config.headers).map(([name, value]) => ({
    value: /^(authorization|proxy-authorization)$/i.test(name) ? value.replace(/^\S+\s+/, '') : value,
    what: `the value of configured header ${name}`,
  }))
  const tokens = issuedTokens(trial).map(({ token }) => ({ value: token, what: 'the access token' }))
  return [...configured, ...tokens].filter((s) => s.value.length >= 4)
}

/**
 * Configured header values and access tokens never go to an origin other than the MCP server's:
 * not to the authorization server, registration, token endpoint or a foreign metadata host.
 */
export const noHeaderLeak: Property = {
  id: ID,
  statement:
    "Configured header values and access tokens are never sent to any origin but the MCP server's (authorization server, registration, token endpoint, foreign metadata hosts).",
  source: spec(
    '2025-06-18',
    'Authorization › Access Token Privilege Restriction / Token Audience Binding; user expectation (inspector#1092, opencode#20286)',
    { alsoBefore: true },
  ),
  level: 'MUST',
  exercised: (trial) => {
    const origin = new URL(trial.config.url).origin
    return secrets(trial).length > 0 && trial.exchanges.some((e) => new URL(e.url).origin !== origin)
  },
  check(trial) {
    const origin = new URL(trial.config.url).origin
    const held = secrets(trial)
    return trial.exchanges
      .filter((e) => new URL(e.url).origin !== origin)
      .flatMap((e) => {
        const sent = [...e.requestHeaders.map(([, v]) => v), e.url, e.requestBody ?? ''].join('\n')
        const leaked = held.filter((s) => sent.includes(s.value))
        return leaked.length === 0
          ? []
          : [
              {
                property: ID,
                exchange: e.seq,
                message: `request #${e.seq} ${e.method} ${e.url.split('?')[0]} sent ${leaked.map((s) => s.what).join(' and ')} to another origin`,
              },
            ]
      })
  },
}
