import { spec, type Property, type Violation } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import type { Exchange } from '../../src/core/exchange.js'
import { jsonObject } from '../../src/core/json.js'
import { tokenRequests, withoutQuery } from '../../src/traffic/oauth-flow.js'

const ID = 'refresh-token-rotation'

/** What became of each refresh token the client held: who issued it, and when it was replaced or refused. */
function refreshTokenFates(trial: Trial) {
  const requests = tokenRequests(trial)
  const issued = new Map<string, { by: Exchange; endpoint: string; retired?: { by: Exchange; why: string } }>()
  for (const { exchange, form } of requests) {
    const answer = jsonObject(exchange.responseBody)
    const used = form.get('grant_type') === 'refresh_token' ? form.get('refresh_token') : null
    const fate = used === null ? undefined : issued.get(used)
    if (fate && !fate.retired && exchange.responseTick !== undefined) {
      const error = exchange.status === 400 && answer?.error === 'invalid_grant'
      const replaced = exchange.status === 200 && typeof answer?.refresh_token === 'string' && answer.refresh_token !== used
      if (error) fate.retired = { by: exchange, why: 'refused it (invalid_grant)' }
      else if (replaced) fate.retired = { by: exchange, why: 'replaced it with a new one' }
    }
    if (exchange.status === 200 && typeof answer?.refresh_token === 'string' && !issued.has(answer.refresh_token))
      issued.set(answer.refresh_token, { by: exchange, endpoint: withoutQuery(exchange.url) })
  }
  return { requests, issued }
}

/**
 * RFC 6749 §6: when a refresh answers with a new refresh token, the client discards the old one
 * (rotation, OAuth 2.1 §4.3.1, makes the old one worthless); a refresh token the server refused is
 * not tried again; and a refresh token goes only to the token endpoint that issued it.
 */
export const refreshTokenRotation: Property = {
  id: ID,
  statement:
    'A refresh token goes only to the token endpoint that issued it, and is never sent again after a refresh replaced it with a new one or the server refused it (invalid_grant).',
  source: spec('2025-03-26', 'Authorization (OAuth 2.1 §4.3; RFC 6749 §6: the client MUST discard the old refresh token)', {
    alsoBefore: true,
  }),
  level: 'MUST',
  exercised: (trial) => [...refreshTokenFates(trial).issued.values()].some((fate) => fate.retired !== undefined),
  check(trial) {
    const { requests, issued } = refreshTokenFates(trial)
    return requests.flatMap(({ exchange, form }): Violation[] => {
      if (form.get('grant_type') !== 'refresh_token') return []
      const fate = issued.get(form.get('refresh_token') ?? '')
      if (!fate) return []
      const problems = [
        ...(fate.retired && fate.retired.by.responseTick! < exchange.requestTick
          ? [`sent a refresh token after #${fate.retired.by.seq} ${fate.retired.why}`]
          : []),
        ...(withoutQuery(exchange.url) !== fate.endpoint
          ? [`sent the refresh token ${fate.endpoint} issued (#${fate.by.seq}) elsewhere`]
          : []),
      ]
      return problems.map((problem) => ({
        property: ID,
        exchange: exchange.seq,
        message: `token request #${exchange.seq} ${problem}`,
      }))
    })
  },
}
