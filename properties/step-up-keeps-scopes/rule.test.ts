import { describe, expect, it } from 'vitest'
import { stepUpKeepsScopes } from './property.js'
import { stepUpOverwritesScope } from './witnesses.js'
import { clientByName } from '../../src/resolve/known-clients.js'
import { coverageInputs } from '../../src/coverage/coverage-inputs.js'
import { resolveScenario } from '../../src/scenario/resolve-scenario.js'
import { runTrial } from '../../src/runner/run-trial.js'
import type { ClientUnderTest } from '../../src/clients/client-under-test.js'

const modern = clientByName('sdk2-streamable-modern')

/** The working OAuth server whose tools/call needs mcp:write, its 403 worded one way or the other. */
async function stepUp(client: ClientUnderTest, wording: 'every-needed' | 'missing-only') {
  const { input } = coverageInputs(modern).find((c) => c.label === 'auth=oauth, oauth.stepUpScope=mcp:write')!
  const plan = structuredClone(input.plan)
  if (plan.auth.kind === 'oauth') plan.auth.oauth.stepUpChallenge = wording
  return runTrial(client, input.config, resolveScenario(input.config, plan), { timeoutMs: 5000 })
}

const challenges = (trial: Awaited<ReturnType<typeof stepUp>>) =>
  trial.exchanges
    .filter((e) => e.status === 403)
    .map((e) => (e.responseHeaders ?? []).find(([name]) => name === 'www-authenticate')?.[1])

describe('step-up-keeps-scopes', () => {
  it('the missing-only server names only the scope the token lacks; the union one, every scope the call needs', async () => {
    expect(challenges(await stepUp(modern, 'missing-only'))[0]).toContain('scope="mcp:write"')
    expect(challenges(await stepUp(modern, 'every-needed'))[0]).toContain('scope="mcp:read mcp:write"')
  })

  it('the v2 SDK keeps what it asked before (holds); a client that takes the challenge as its whole scope holds against the union server and not against the other', async () => {
    const sound = await stepUp(modern, 'missing-only')
    expect(stepUpKeepsScopes.exercised(sound)).toBe(true)
    expect(stepUpKeepsScopes.check(sound)).toEqual([])
    expect(stepUpKeepsScopes.check(await stepUp(stepUpOverwritesScope, 'every-needed'))).toEqual([])
    const [violation] = stepUpKeepsScopes.check(await stepUp(stepUpOverwritesScope, 'missing-only'))
    expect(violation?.message).toMatch(/dropped mcp:read, which it had asked for before/)
  })
})
