import { describe, expect, it } from 'vitest'
import { PROPERTIES } from '../properties/index.js'
import { SDK_CLIENTS } from '../src/clients/sdk-clients.js'
import { DEFAULT_CLIENTS } from '../src/clients/registry.js'
import { loadExpectedFailures } from '../src/runner/expected-failures.js'
import { judge } from '../src/property/judge.js'

const KNOWN = await loadExpectedFailures('expected-failures.json')
import { coverageInputs } from '../src/coverage/coverage-inputs.js'
import { fuzz } from '../src/runner/fuzz.js'
import { runTrial } from '../src/runner/run-trial.js'
import { noDiscoveryWithoutChallenge } from '../properties/index.js'
import { config, scenario } from './helpers/trials.js'

// The real @modelcontextprotocol/sdk client (v1: both transports, with and without an OAuth
// provider) and @modelcontextprotocol/client (v2).
/** Random trials after the coverage phase (which already puts each client through every dimension value). */
const RANDOM_RUNS = 25

describe('the SDK clients satisfy every property', () => {
  for (const client of DEFAULT_CLIENTS) {
    it(`${client.name}: the coverage phase and some random trials, every property held and exercised`, async () => {
      const results = await fuzz({ clients: [client], properties: PROPERTIES, runs: RANDOM_RUNS, seed: 4242, timeoutMs: 5000 })
      for (const result of results) {
        const known = KNOWN.some((e) => e.client === client.name && e.property === result.property.id)
        // A violation is allowed only where expected-failures.json lists it (the SDK's known bugs).
        if (!known) expect(result.counterexample?.violations ?? [], `${client.name} × ${result.property.id}`).toEqual([])
        if (result.verdict === 'violated') continue
        expect(result.phaseRuns).toEqual({ coverage: coverageInputs(client).length, random: RANDOM_RUNS })
        expect(result.outcomes.timeout).toBe(0)
        const streamableOnly = ['session-id-echoed', 'protocol-version-header', 'accept-headers'].includes(result.property.id)
        const core = ['headers-always-sent', 'no-discovery-without-challenge'].includes(result.property.id)
        if (streamableOnly && client.transports.includes('sse')) expect(result.verdict, result.property.id).toBe('not-exercised')
        if (core) {
          expect(result.verdict, result.property.id).toBe('held')
          expect(result.exercised, result.property.id).toBeGreaterThan(75)
          // Both successful sessions and challenged ones must have been exercised.
          expect(result.outcomes.completed).toBeGreaterThan(20)
          expect(result.outcomes['client-error']).toBeGreaterThan(10)
        }
      }
    })
  }
})

describe('the SDK with an OAuth provider, judged on real discovery traffic', () => {
  const withProvider = SDK_CLIENTS.find((c) => c.name === 'sdk-streamable')!
  const challenged = (challenge: 'bearer-bare' | 'forbidden') =>
    scenario({ sessions: false, auth: { kind: 'static-header', header: 'X-API-Key', value: 'server-only', challenge } })

  it('starts discovery only after the 401, and the property accepts that', async () => {
    const trial = await runTrial(withProvider, config(), challenged('bearer-bare'), { timeoutMs: 5000 })
    const urls = trial.exchanges.map((e) => `${e.method} ${new URL(e.url).pathname} ${e.status}`)
    expect(urls[0]).toBe('POST /mcp 401')
    expect(urls.slice(1)).toContain('GET /.well-known/oauth-protected-resource/mcp 404')
    expect(judge(noDiscoveryWithoutChallenge, trial).violations).toEqual([])
  })

  it('the v2 SDK with a provider does the same', async () => {
    const v2 = DEFAULT_CLIENTS.find((c) => c.name === 'sdk2-streamable')!
    const trial = await runTrial(v2, config(), challenged('bearer-bare'), { timeoutMs: 5000 })
    expect(trial.exchanges[0]!.status).toBe(401)
    expect(trial.exchanges.some((e) => e.url.includes('/.well-known/'))).toBe(true)
    expect(judge(noDiscoveryWithoutChallenge, trial).violations).toEqual([])
  })

  it('does not start discovery on a plain 403', async () => {
    const trial = await runTrial(withProvider, config(), challenged('forbidden'), { timeoutMs: 5000 })
    expect(trial.exchanges.map((e) => e.status)).toEqual([403])
  })
})
