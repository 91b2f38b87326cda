import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { headersAlwaysSent, PROPERTIES } from '../properties/index.js'
import { dropsHeaders } from '../properties/headers-always-sent/witnesses.js'
import { noHeadersOnStream } from '../properties/headers-always-sent/witnesses.js'
import { FAULTY_CLIENTS } from '../src/resolve/known-clients.js'
import { fuzz } from '../src/runner/fuzz.js'
import { FAULTY_CASES } from '../properties/witnesses.js'

describe('every property can fail', () => {
  it('every faulty client is a witness of some property, and every property has one', () => {
    expect(FAULTY_CASES.map(({ client }) => client.name).sort()).toEqual(FAULTY_CLIENTS.map((client) => client.name).sort())
    expect([...new Set(FAULTY_CASES.map(({ property }) => property.id))].sort()).toEqual(PROPERTIES.map((p) => p.id).sort())
  })

  it('the property index and the witness list are generated from the folders, and up to date', () => {
    const result = spawnSync(process.execPath, ['scripts/write-property-index.js', '--check'], { encoding: 'utf8' })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })

  it('a random-phase counterexample replays from its seed and path', async () => {
    const [result] = await fuzz({
      clients: [dropsHeaders],
      properties: [headersAlwaysSent],
      runs: 100,
      seed: 99,
      phases: ['random'],
      timeoutMs: 5000,
    })
    const ce = result!.counterexample!
    expect(ce.phase).toBe('random')
    const [replayed] = await fuzz({
      clients: [dropsHeaders],
      properties: [headersAlwaysSent],
      runs: 100,
      seed: ce.seed,
      path: ce.path,
      timeoutMs: 5000,
    })
    expect(replayed!.counterexample!.trial.config).toEqual(ce.trial.config)
    expect(replayed!.counterexample!.input).toEqual(ce.input)
  })

  it('the stream-only fault is found on both transports', async () => {
    for (const transport of ['streamable-http', 'sse'] as const) {
      const client = { ...noHeadersOnStream, transports: [transport] }
      const [result] = await fuzz({ clients: [client], properties: [headersAlwaysSent], runs: 100, seed: 5, timeoutMs: 5000 })
      expect(result!.verdict, transport).toBe('violated')
      expect(result!.counterexample!.violations[0]!.message).toMatch(/GET .* lacked configured header/)
    }
  })
})
