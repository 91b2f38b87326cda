import { spec, type Property, type Violation } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import { headerValue } from '../../src/core/exchange.js'
import { authorizeRequests, servedAsMetadata, tokenRequests, withoutQuery } from '../../src/traffic/oauth-flow.js'

const ID = 'iss-checked'

/**
 * Authorization responses the client must refuse (RFC 9207 §2.4 as MCP 2026-07-28 applies it): the
 * redirect carries an `iss` that is not, character for character, the issuer of the metadata that
 * named this authorization endpoint, or none although that metadata advertised
 * `authorization_response_iss_parameter_supported`.
 */
function refusableResponses(trial: Trial): Array<{ seq: number; code: string; why: string }> {
  const metadata = servedAsMetadata(trial)
  return authorizeRequests(trial).flatMap((e) => {
    const location = headerValue(e.responseHeaders, 'location')
    if (!location || !URL.canParse(location, e.url)) return []
    const callback = new URL(location, e.url).searchParams
    const code = callback.get('code')
    const source = metadata.findLast(
      (m) =>
        m.exchange.responseTick !== undefined &&
        m.exchange.responseTick < e.requestTick &&
        m.authorizationEndpoint === withoutQuery(e.url),
    )
    if (!code || source?.issuer === undefined) return []
    const iss = callback.get('iss')
    // A plain string comparison: no case folding, port or trailing-slash normalization (MCP 2026-07-28).
    if (iss !== null && iss !== source.issuer)
      return [
        { seq: e.seq, code, why: `carried iss=${iss}, not the issuer ${source.issuer} of metadata #${source.exchange.seq}` },
      ]
    if (iss === null && source.issSupported)
      return [{ seq: e.seq, code, why: `carried no iss although metadata #${source.exchange.seq} advertised it` }]
    return []
  })
}

/**
 * RFC 9207 mix-up defence: before a client sends an authorization code to a token endpoint, it
 * compares the response's `iss` with the issuer it recorded, and refuses a mismatch, or a missing
 * `iss` where the server said it sends one.
 */
export const issChecked: Property = {
  id: ID,
  statement:
    'An authorization code whose response carried an iss other than the recorded issuer (compared as plain strings), or no iss where the metadata advertised authorization_response_iss_parameter_supported, is never sent to a token endpoint.',
  source: spec('2026-07-28', 'Authorization › Authorization Flow Steps › Authorization Response Validation (RFC 9207)'),
  level: 'MUST',
  exercised: (trial) => refusableResponses(trial).length > 0,
  check(trial) {
    const refusable = refusableResponses(trial)
    return tokenRequests(trial).flatMap(({ exchange, form }): Violation[] => {
      const response = refusable.find((r) => r.code === form.get('code') && form.get('grant_type') === 'authorization_code')
      if (!response) return []
      return [
        {
          property: ID,
          exchange: exchange.seq,
          message: `token request #${exchange.seq} redeemed the code of authorization response #${response.seq}, which ${response.why}`,
        },
      ]
    })
  },
}
