import { describe, expect, it } from 'vitest'
import { trialInput } from './helpers/inputs.js'
import { boundedAuthRetries, headersAlwaysSent } from '../properties/index.js'
import { clientByName } from '../src/resolve/known-clients.js'
import { TOKEN_REFUSALS } from '../src/core/scenario.js'
import { headerValue, jsonRpcMethod } from '../src/core/exchange.js'
import { coverageInputs } from '../src/coverage/coverage-inputs.js'
import { judge } from '../src/property/judge.js'
import { runTrial } from '../src/runner/run-trial.js'

// A resource server that accepts the token on most requests but refuses it on one kind (a gateway
// with per-route audience or scope): the client stays bounded and keeps its configured headers.
describe('a good token refused on one kind of request', () => {
  const client = clientByName('sdk-streamable')

  it('every refusal is in the coverage phase', () => {
    const drawn = new Set(
      coverageInputs(client).flatMap(({ input }) =>
        input.plan.auth.kind === 'oauth' ? [input.plan.auth.oauth.tokenRefusal ?? 'none'] : [],
      ),
    )
    expect([...drawn].sort()).toEqual([...TOKEN_REFUSALS].sort())
  })

  for (const refusal of TOKEN_REFUSALS.filter((r) => r !== 'none'))
    it(`${refusal}: only that kind is refused, as said; the SDK client stays bounded and sends its headers`, async () => {
      const [kind, form] = refusal.split(':')
      const { config, scenario } = trialInput({ transport: 'streamable-http', auth: 'oauth', 'oauth.tokenRefusal': refusal })
      const trial = await runTrial(client, config, scenario, { timeoutMs: 10_000 })
      const withToken = trial.exchanges.filter((e) => e.url === config.url && headerValue(e.requestHeaders, 'authorization'))
      const ofKind = (e: (typeof withToken)[number]) =>
        kind === 'get-stream'
          ? e.method === 'GET'
          : kind === 'delete'
            ? e.method === 'DELETE'
            : jsonRpcMethod(e.requestBody) === 'tools/call'
      const refused = withToken.filter(ofKind)
      expect(refused.length, JSON.stringify(trial.outcome)).toBeGreaterThan(0)
      for (const e of refused) {
        expect(e.status).toBe(form === 'invalid-token' ? 401 : 403)
        expect(headerValue(e.responseHeaders, 'www-authenticate')).toContain(
          `error="${form === 'invalid-token' ? 'invalid_token' : 'insufficient_scope'}"`,
        )
      }
      // The token is good everywhere else.
      expect(withToken.filter((e) => !ofKind(e)).some((e) => e.status === 200)).toBe(true)
      expect(judge(boundedAuthRetries, trial).verdict).not.toBe('violated')
      expect(judge(headersAlwaysSent, trial).verdict).toBe('held')
    })
})
