// `npm run bench`: trials per second for each built-in client in process and over real ports,
// replay of a recording, a `cmd:` client, the official conformance suite on the same client
// command, a default fuzz run (and what its HTML report costs beside its JSON one) and the heap after 10 000 trials, each rate beside the SDK's
// InMemoryTransport session measured in the same run; then the mutant benchmark (trials to detection
// of every faulty client). Prints a table, writes bench-results/bench.json.
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import fc from 'fast-check'
import { PROPERTIES } from '../properties/index.js'
import { trialInputArbitrary } from '../src/arbitraries/trial-input.js'
import { DEFAULT_CLIENTS } from '../src/clients/registry.js'
import { clientByName } from '../src/resolve/known-clients.js'
import type { ClientUnderTest } from '../src/clients/client-under-test.js'
import { commandClient } from '../src/clients/command-client.js'
import { configFormatByName } from '../src/config/formats/registry.js'
import { loadRecording } from '../src/recording/load-recording.js'
import { createReplayServer } from '../src/replay/replay-server.js'
import { resolveScenario } from '../src/scenario/resolve-scenario.js'
import { runSession, runTrial } from '../src/runner/run-trial.js'
import { DEFAULT_RUNS, DEFAULT_TIMEOUT_MS, fuzz } from '../src/runner/fuzz.js'
import { loadExpectedFailures } from '../src/runner/expected-failures.js'
import { inMemorySession } from './in-memory-baseline.js'
import { rate, SECONDS } from './rate.js'
import { CONFORMANCE_VERSION, runConformanceAuthSuite } from './conformance-suite.js'
import { memoryAfterTrials } from './memory.js'
import { MUTANT_SEEDS, mutantBenchmark } from './mutants.js'
import { reportRenderCost } from './report-render.js'
import { judgeCost } from './big-recording.js'
import { clientCoverage, clientGoalLines } from './client-coverage.js'
import { GEMINI_CLI } from '../src/clients/agents/gemini-cli.js'
import { measureDetections, tellingOrder, writeTellingOrder } from './telling-inputs.js'
import { seedSweep, sweepLines } from './seed-sweep.js'

const SEED = 20261126
const MEMORY_TRIALS = Number(process.env.BENCH_MEMORY_TRIALS ?? 10_000)
/** The small SDK client command both tools run (the server URL is its last argument). */
const CLIENT_COMMAND = `${process.execPath} dist/bench/builtin-client-command.js sdk-streamable`

/** Random trials of a client, every property judged, cycling through a fixed sample of inputs. */
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

/** A recording's server replayed to the SDK client, every property judged. */
async function replayLoop(file: string): Promise<() => Promise<void>> {
  const recording = await loadRecording(file)
  const client = clientByName('sdk-streamable')
  return async () => {
    const trial = await runSession(client, recording.config, createReplayServer(recording, { speed: 0, unmatched: '404' }), {
      timeoutMs: 5000,
    })
    for (const property of PROPERTIES) if (property.exercised(trial)) property.check(trial)
  }
}

// `npm run bench -- --only mutants`: just the mutant benchmark (search power), a few minutes.
if (process.argv.includes('--only') && process.argv.includes('mutants')) {
  const { lines, withCoverage, randomOnly } = await mutantBenchmark()
  console.log(lines.join('\n'))
  mkdirSync('bench-results', { recursive: true })
  writeFileSync('bench-results/mutants.json', `${JSON.stringify({ withCoverage, randomOnly }, null, 2)}\n`)
  process.exit(0)
}

// `npm run bench -- --only telling`: which coverage inputs show which faults; rewrites src/coverage/telling-order.ts.
if (process.argv.includes('--only') && process.argv.includes('telling')) {
  const detections = await measureDetections((line) => console.error(line))
  const order = tellingOrder(detections)
  writeTellingOrder(order, detections.size)
  mkdirSync('bench-results', { recursive: true })
  writeFileSync(
    'bench-results/telling.json',
    `${JSON.stringify(Object.fromEntries([...detections].map(([fault, labels]) => [fault, [...labels]])), null, 2)}\n`,
  )
  console.log(`${detections.size} faults; ${order.length} telling inputs, in order: ${order.slice(0, 25).join(' | ')} …`)
  process.exit(0)
}

// `npm run bench -- --only clients`: time to a verdict on real clients (several minutes: an agent CLI included).
if (process.argv.includes('--only') && process.argv.includes('clients')) {
  const coverage = await clientCoverage(clientByName('sdk-streamable'), GEMINI_CLI)
  console.log([...coverage.lines, '', ...clientGoalLines(coverage)].join('\n'))
  mkdirSync('bench-results', { recursive: true })
  writeFileSync('bench-results/clients.json', `${JSON.stringify(coverage, null, 2)}\n`)
  process.exit(0)
}

// `npm run bench -- --only sweep [--seeds N] [--from S]`: the main command on many seeds (about
// 5 s a seed on 2 cores), then each bundled client's random phase widened (200 trials, 20 seeds).
if (process.argv.includes('--only') && process.argv.includes('sweep')) {
  const flag = (name: string, fallback: number) => {
    const at = process.argv.indexOf(name)
    return at > 0 ? Number(process.argv[at + 1]) : fallback
  }
  const from = flag('--from', 1)
  const log = (line: string) => console.error(line)
  const foundDir = 'bench-results/sweep-found'
  const main = await seedSweep({ clients: DEFAULT_CLIENTS, from, count: flag('--seeds', 200), runs: DEFAULT_RUNS, foundDir, log })
  const wide = await seedSweep({ clients: DEFAULT_CLIENTS, from, count: flag('--wide-seeds', 20), runs: 200, foundDir, log })
  const lines = [...sweepLines('the default run (npx mcp-auth-harness fuzz)', main), ...sweepLines('each client widened', wide)]
  console.log(lines.join('\n'))
  mkdirSync('bench-results', { recursive: true })
  writeFileSync('bench-results/sweep.json', `${JSON.stringify({ main, wide }, null, 2)}\n`)
  process.exit(main.red.length + wide.red.length + main.coverageRed.length > 0 ? 1 : 0)
}

type Row = { name: string; perSecond: number; count: number; ratio: number; unit?: string }
const rows: Row[] = []
const baseline = await rate(inMemorySession)
const add = (name: string, measured: { count: number; perSecond: number }, unit?: string) =>
  rows.push({ name, ...measured, ratio: measured.perSecond / baseline.perSecond, ...(unit ? { unit } : {}) })
add('baseline: SDK InMemoryTransport session (no HTTP)', baseline)
for (const client of DEFAULT_CLIENTS) {
  add(`${client.name}: random trials, in process`, await rate(trialLoop(client)))
  add(`${client.name}: random trials, real ports`, await rate(trialLoop({ ...client, network: 'real-port' })))
}
for (const name of ['sdk-streamable', 'sdk-sse'])
  add(`${name}: complete session, in process`, await rate(fullSessionLoop(clientByName(name))))
add(
  'replay of recordings/codex-5588 to sdk-streamable',
  await rate(await replayLoop('recordings/codex-5588-discovery-without-401.json')),
)
const command = commandClient(CLIENT_COMMAND, configFormatByName('claude'))
add('cmd: SDK client command, random trials', await rate(trialLoop(command), { warmUp: 3 }))
add('cmd: SDK client command, random trials, 2 at once', await rate(trialLoop(command), { warmUp: 3, parallel: 2 }))
// The same command as a session loop (MCP_SESSION_LOOP=1): one process per concurrent trial, not per trial.
const looped = commandClient(CLIENT_COMMAND, configFormatByName('claude'), { sessionLoop: true })
add('cmd: SDK client command as a session loop, random trials', await rate(trialLoop(looped), { warmUp: 3 }))
add('cmd: the same session loop, 2 at once', await rate(trialLoop(looped), { warmUp: 3, parallel: 2 }))

// The official conformance suite's client auth scenarios against the same client command.
const conformance = await runConformanceAuthSuite(CLIENT_COMMAND)
add(
  `conformance ${CONFORMANCE_VERSION} auth suite (${conformance.scenarios} scenarios in parallel)`,
  { count: conformance.scenarios, perSecond: conformance.scenarios / conformance.seconds },
  'checked sessions',
)

const fuzzStarted = performance.now()
const stats = { trials: 0 }
const expected = await loadExpectedFailures('expected-failures.json')
const fuzzResults = await fuzz({
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
const render = reportRenderCost(fuzzResults, stats, SEED)
// Judging is linear in a session's length: the per-exchange cost at 100 000 against 10 000 (near 1).
const judged = { small: judgeCost(10_000), large: judgeCost(100_000) }
const memory = await memoryAfterTrials(clientByName('sdk-streamable-no-oauth'), MEMORY_TRIALS, SEED)

const mutants = await mutantBenchmark()
const coverage = await clientCoverage(clientByName('sdk-streamable'), GEMINI_CLI)
const cmdRate = (name: string) => rows.find((r) => r.name === name)!.perSecond
const suiteRate = conformance.scenarios / conformance.seconds
const largestDetection = Math.max(...mutants.withCoverage.flatMap((row) => row.trials.filter((t): t is number => t !== null)))

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}`
const lines = [
  `mcp-auth-harness bench — ${machine}, ${SECONDS} s per row, seed ${SEED}`,
  '',
  `${'what'.padEnd(62)}${'per second'.padStart(12)}${'count'.padStart(8)}${'× baseline'.padStart(12)}`,
  ...rows.map(
    (r) =>
      `${r.name.padEnd(62)}${r.perSecond.toFixed(r.perSecond < 10 ? 1 : 0).padStart(12)}${String(r.count).padStart(8)}${r.ratio.toFixed(r.ratio < 0.01 ? 4 : 2).padStart(12)}`,
  ),
  '',
  `conformance auth suite: ${conformance.checks} checks (${conformance.failed} failed) in ${conformance.seconds.toFixed(1)} s`,
  `default fuzz run (${DEFAULT_CLIENTS.length} SDK clients × ${PROPERTIES.length} properties × ${DEFAULT_RUNS} runs): ${stats.trials} trials in ${fuzzSeconds.toFixed(1)} s`,
  `its reports: HTML page ${(render.html.bytes / 2 ** 20).toFixed(1)} MB with ${render.findings} findings in ${render.html.ms.toFixed(0)} ms, ${(render.html.ms / render.json.ms).toFixed(1)} × the JSON report of the same run (${(render.json.bytes / 2 ** 20).toFixed(1)} MB in ${render.json.ms.toFixed(0)} ms)`,
  `check of a long recording with GET streams (every property): 10 000 exchanges ${judged.small.toFixed(0)} ms CPU, 100 000 exchanges ${judged.large.toFixed(0)} ms CPU; per exchange ${(judged.large / 10 / judged.small).toFixed(2)} × the 10 000 one`,
  `heap after trials (sdk-streamable-no-oauth, every property): ${memory.map((m) => `${m.trials} → ${m.heapMb.toFixed(1)} MB`).join(', ')}`,
  '',
  `mutants: each faulty client against its own property, seeds ${MUTANT_SEEDS[0]}–${MUTANT_SEEDS.at(-1)}, trials to detection`,
  ...mutants.lines,
  '',
  ...coverage.lines,
  '',
  'goals (2 cores):',
  ...clientGoalLines(coverage),
  `  every mutant by trial 20: the largest trials-to-detection is ${largestDetection}`,
  `  cmd: ≥ 2 × the conformance suite's sessions per second: session loop 2 at once ${(cmdRate('cmd: the same session loop, 2 at once') / suiteRate).toFixed(1)} ×, a process per trial 2 at once ${(cmdRate('cmd: SDK client command, random trials, 2 at once') / suiteRate).toFixed(1)} ×`,
]
console.log(lines.join('\n'))
mkdirSync('bench-results', { recursive: true })
writeFileSync(
  'bench-results/bench.json',
  `${JSON.stringify({ machine, seconds: SECONDS, seed: SEED, rows, conformance, fuzz: { trials: stats.trials, seconds: fuzzSeconds }, render, judged, memory, mutants: { withCoverage: mutants.withCoverage, randomOnly: mutants.randomOnly }, coverage }, null, 2)}\n`,
)
process.exit(0)
