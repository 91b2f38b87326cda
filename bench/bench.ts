// `npm run bench`: trials per second for each built-in client in process (capture and every
// property checked), random trials and one complete session each, against the SDK's InMemoryTransport session measured in the same run.
import { mkdirSync, writeFileSync } from 'node:fs'
import fc from 'fast-check'
import { PROPERTIES } from '../properties/index.js'
import { trialInputArbitrary } from '../src/arbitraries/trial-input.js'
import { DEFAULT_CLIENTS } from '../src/clients/registry.js'
import type { ClientUnderTest } from '../src/clients/client-under-test.js'
import { resolveScenario } from '../src/scenario/resolve-scenario.js'
import { runTrial } from '../src/runner/run-trial.js'
import { DEFAULT_RUNS, DEFAULT_TIMEOUT_MS, fuzz } from '../src/runner/fuzz.js'
import { inMemorySession } from './in-memory-baseline.js'
import { loadExpectedFailures } from '../src/runner/expected-failures.js'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3)
const SEED = 20261126

async function rate(work: () => Promise<void>): Promise<{ count: number; perSecond: number }> {
  for (let i = 0; i < 30; i++) await work() // warm-up
  const started = performance.now()
  let count = 0
  while (performance.now() - started < SECONDS * 1000) {
    await work()
    count += 1
  }
  return { count, perSecond: count / ((performance.now() - started) / 1000) }
}

function trialLoop(client: ClientUnderTest): () => Promise<void> {
  const inputs = fc.sample(trialInputArbitrary(client.transports), { numRuns: 500, seed: SEED })
  let next = 0
  return async () => {
    const { config, plan } = inputs[next++ % inputs.length]!
    const trial = await runTrial(client, config, resolveScenario(config, plan), { timeoutMs: 5000 })
    for (const property of PROPERTIES) if (property.exercised(trial)) property.check(trial)
  }
}

/** One fixed, complete session: auth satisfied, SSE responses, GET stream, session id, DELETE. */
function fullSessionLoop(client: ClientUnderTest): () => Promise<void> {
  const config = { transport: client.transports[0]!, url: 'http://mcp.test/mcp', headers: { 'X-API-Key': 'bench-key-123456' } }
  const scenario = resolveScenario(config, {
    endpoint: 'at-configured-url',
    protocolVersions: ['2025-11-25'],
    responseMode: 'sse',
    getStream: 'sse',
    sessions: true,
    deleteAllowed: true,
    legacyEndpoint: 'relative',
    tools: true,
    moved: false,
    auth: { kind: 'static-header', credential: 'configured', pick: 0, challenge: 'bearer-resource-metadata' },
    notFound: '404-json',
  })
  return async () => {
    const trial = await runTrial(client, config, scenario, { timeoutMs: 5000 })
    if (trial.outcome.kind !== 'completed') throw new Error(`bench session did not complete: ${JSON.stringify(trial.outcome)}`)
    for (const property of PROPERTIES) if (property.exercised(trial)) property.check(trial)
  }
}

const rows: Array<{ name: string; perSecond: number; count: number; ratio: number }> = []
const baseline = await rate(inMemorySession)
rows.push({ name: 'baseline: SDK InMemoryTransport session (no HTTP)', ...baseline, ratio: 1 })
for (const client of DEFAULT_CLIENTS) {
  const measured = await rate(trialLoop(client))
  rows.push({ name: `${client.name}: random trials`, ...measured, ratio: measured.perSecond / baseline.perSecond })
  const full = await rate(fullSessionLoop(client))
  rows.push({ name: `${client.name}: complete session`, ...full, ratio: full.perSecond / baseline.perSecond })
}
const fuzzStarted = performance.now()
const stats = { trials: 0 }
const expected = await loadExpectedFailures('expected-failures.json')
await fuzz({
  stats,
  // As the CLI does: the SDK's known failures are found, not shrunk again.
  known: (client, property) => expected.some((e) => e.client === client && e.property === property),
  clients: DEFAULT_CLIENTS,
  properties: PROPERTIES,
  runs: DEFAULT_RUNS,
  seed: SEED,
  timeoutMs: DEFAULT_TIMEOUT_MS,
})
const fuzzSeconds = (performance.now() - fuzzStarted) / 1000
const fuzzTrials = stats.trials

const lines = [
  `mcp-auth-harness bench — Node ${process.version}, ${SECONDS} s per row, seed ${SEED}`,
  '',
  `${'what'.padEnd(52)}${'per second'.padStart(12)}${'count'.padStart(8)}${'× baseline'.padStart(12)}`,
  ...rows.map(
    (r) =>
      `${r.name.padEnd(52)}${r.perSecond.toFixed(0).padStart(12)}${String(r.count).padStart(8)}${r.ratio.toFixed(2).padStart(12)}`,
  ),
  '',
  `default fuzz run (${DEFAULT_CLIENTS.length} SDK clients × ${PROPERTIES.length} properties × ${DEFAULT_RUNS} runs): ${fuzzTrials} trials in ${fuzzSeconds.toFixed(1)} s`,
]
console.log(lines.join('\n'))
mkdirSync('bench-results', { recursive: true })
writeFileSync(
  'bench-results/bench.json',
  `${JSON.stringify({ node: process.version, seconds: SECONDS, seed: SEED, rows, fuzz: { trials: fuzzTrials, seconds: fuzzSeconds } }, null, 2)}\n`,
)
process.exit(0)
