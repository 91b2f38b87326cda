// The faulty reference client(s) of `no-retry-after-grant-refused`: v2 SDK sessions with one bug each, proof that the property can fail.
import { faultyV2 } from '../../src/clients/faulty/sdk2-kit.js'
import { witness, type Witness } from '../../src/property/witness.js'
import { CLIENT_CREDENTIALS_GRANT, JWT_BEARER_GRANT } from '../../src/spec/oauth-grants.js'

const REFUSALS = ['invalid_grant', 'invalid_scope', 'unauthorized_client']
const MACHINE_GRANTS = [CLIENT_CREDENTIALS_GRANT, JWT_BEARER_GRANT]

async function refusal(response: Response): Promise<boolean> {
  if (response.status !== 400 && response.status !== 401) return false
  const body = (await response
    .clone()
    .json()
    .catch(() => undefined)) as { error?: unknown } | undefined
  return REFUSALS.includes(String(body?.error))
}

/**
 * Sends a refused token request once more, unchanged, as if the refusal were a glitch. Otherwise
 * it surfaces the error: the v2 SDK's own recovery (it re-runs authorization after invalid_grant
 * or unauthorized_client, an expected failure of the SDK) never reaches the network here, so the
 * one retry in its traffic is its bug.
 */
export const retriesRefusedGrant = faultyV2(
  'faulty:retries-refused-grant',
  'v2 SDK workload client that re-sends a refused JWT bearer token request once',
  { grants: ['workload-identity'] },
  () => {
    let refused = false
    return async (input, init) => {
      const url = new URL(String(input instanceof Request ? input.url : input))
      // Only the grants without a user: a refused refresh (a step-up's invalid_scope) goes on as the SDK does.
      const grant = new URLSearchParams(
        typeof init?.body === 'string' || init?.body instanceof URLSearchParams ? init.body.toString() : '',
      ).get('grant_type')
      const isToken = url.pathname.endsWith('/token') && MACHINE_GRANTS.includes(grant ?? '')
      if (isToken && refused) throw new TypeError('the app surfaced the refused grant and stopped')
      const response = await fetch(input, init)
      if (!isToken || !(await refusal(response))) return response
      refused = true
      return fetch(input, init)
    }
  },
)

/** Each violates `no-retry-after-grant-refused`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(retriesRefusedGrant)]
