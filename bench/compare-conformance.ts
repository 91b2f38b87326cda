// `npm run compare:conformance`: the official conformance suite and this harness side by side on the
// same clients. The suite runs its client scenarios (the spec's and the authorization extensions') against each
// client through the command contract (URL last); `fuzz` runs against the same client; every check
// the suite failed is matched with the harness property that catches the same fault on that client.
// Ends with `missed by the harness: N` (exit 1 unless N is 0).
//
//   npm run compare:conformance                          the built-in clients
//   npm run compare:conformance -- --sdks                 also the SDKs in other languages (or name clients)
//   npm run compare:conformance -- --sdks --reports DIR  fuzz results from DIR/NAME.json (fuzz --json)
//   npm run compare:conformance -- --faulty               the extensions' faulty reference clients, through the extension scenarios
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { EXTENSION_NEEDS, NOT_A_FAULT, notAFault, propertiesFor } from './conformance-check-map.js'
import { ALL_CLIENTS } from '../src/resolve/known-clients.js'
import type { ClientUnderTest } from '../src/clients/client-under-test.js'
import { findInstallable } from '../src/clients/provision/installable-clients.js'
import { installedClient } from '../src/clients/provision/provision.js'
import { CONFORMANCE_VERSION as SUITE_VERSION } from './conformance-suite.js'
import { FAULTY_CASES } from '../properties/witnesses.js'

import { TRIAL_MARKER, killMarkedProcesses } from '../src/runtime/child-process.js'
import { removeLiveTempDirs, removeMarkedTempDirs } from '../src/runtime/files.js'
import { onFatalSignal } from '../src/runtime/process.js'

const run = promisify(execFile)
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const SUITE = join(ROOT, 'node_modules/@modelcontextprotocol/conformance/dist/index.js')
const CLI = join(ROOT, 'dist/src/cli/main.js')
const COMMAND = join(ROOT, 'dist/bench/builtin-client-command.js')

/** The built-in clients, what each speaks: the suite's servers are Streamable HTTP only. */
const BUILT_IN = [
  { name: 'sdk-streamable', oauth: true, negotiatesModern: false, streamable: true },
  { name: 'sdk-sse', oauth: true, negotiatesModern: false, streamable: false },
  { name: 'sdk-streamable-no-oauth', oauth: false, negotiatesModern: false, streamable: true },
  { name: 'sdk-sse-no-oauth', oauth: false, negotiatesModern: false, streamable: false },
  { name: 'sdk2-streamable', oauth: true, negotiatesModern: false, streamable: true },
  { name: 'sdk2-sse', oauth: true, negotiatesModern: false, streamable: false },
  { name: 'sdk2-streamable-modern', oauth: true, negotiatesModern: true, streamable: true },
]
/** The official SDKs in other languages (installed on first use), with `--sdks`. */
const SDKS = [
  { name: 'python-sdk', oauth: true, negotiatesModern: false, streamable: true },
  { name: 'go-sdk', oauth: true, negotiatesModern: false, streamable: true },
  { name: 'rust-sdk', oauth: true, negotiatesModern: false, streamable: true },
  { name: 'java-sdk', oauth: false, negotiatesModern: false, streamable: true },
]

interface SuiteScenario {
  name: string
  versions: string[]
}

/**
 * The suite's client scenarios with the spec versions each applies to: the spec's, and the
 * authorization extensions' (`auth/…`: client credentials, enterprise-managed, DPoP, workload
 * identity). Other extensions (skills) are left out: not the HTTP or OAuth side of a client.
 */
async function clientScenarios(): Promise<SuiteScenario[]> {
  const { stdout } = await run(process.execPath, [SUITE, 'list'], { maxBuffer: 1 << 24 })
  const section = stdout.split('Client scenarios')[1]?.split(/\n\S/)[0] ?? ''
  return [...section.matchAll(/^\s+- (\S+) \[([^\]]+)\]/gm)]
    .map((m) => ({ name: m[1]!, versions: m[2]!.split(',') }))
    .filter((s) => !s.versions.includes('extension') || s.name.startsWith('auth/'))
}

interface Failure {
  scenario: string
  check: string
  description: string
}

/**
 * Every FAILURE check of a suite run over all client scenarios (or, with `only`, those scenarios
 * one at a time), read from its `checks.json` files.
 */
async function suiteFailures(
  client: string,
  scenarios: SuiteScenario[],
  only?: readonly string[],
): Promise<{ failures: Failure[]; checks: number }> {
  const out = mkdtempSync(join(tmpdir(), 'compare-conformance-'))
  suiteFolders.add(out)
  try {
    const command = ['client', '--command', `${process.execPath} ${COMMAND} ${client}`, '--timeout', '30000', '-o', out]
    // A failing suite exits non-zero: its checks.json files say why.
    if (!only) await run(process.execPath, [SUITE, ...command, '--suite', 'all'], { maxBuffer: 1 << 26 }).catch(() => undefined)
    for (const scenario of only ?? [])
      await run(process.execPath, [SUITE, ...command, '--scenario', scenario], { maxBuffer: 1 << 26 }).catch(() => undefined)
    const wanted = new Set(scenarios.map((s) => s.name))
    const failures: Failure[] = []
    let checks = 0
    for (const file of checkFiles(out)) {
      const scenario = file.dir.replace(/-\d{4}-\d\d-\d\dT[\d-]+Z$/, '')
      if (!wanted.has(scenario)) continue
      for (const check of JSON.parse(readFileSync(file.path, 'utf8')) as Array<{
        id: string
        status: string
        description?: string
      }>) {
        if (check.status === 'INFO') continue
        checks += 1
        if (check.status === 'FAILURE') failures.push({ scenario, check: check.id, description: check.description ?? '' })
      }
    }
    return { failures, checks }
  } finally {
    rmSync(out, { recursive: true, force: true })
    suiteFolders.delete(out)
  }
}

function checkFiles(dir: string, prefix = ''): Array<{ dir: string; path: string }> {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) return checkFiles(dir, relative)
    return entry.name === 'checks.json' ? [{ dir: prefix, path: join(dir, relative) }] : []
  })
}

/**
 * The properties `fuzz` found violated on the client (new findings and known, expected ones alike),
 * from a run of its own, or from `DIR/NAME.json` when `--reports DIR` names the `fuzz --json`
 * reports of an earlier run (a slow client's fuzz need not run twice).
 */
async function harnessFindings(client: string, runs: number, reports?: string): Promise<string[]> {
  if (reports) return findingsOf(readFileSync(join(reports, `${client}.json`), 'utf8'), join(reports, `${client}.json`))
  // --runs 0: the coverage phase alone.
  const phases = runs > 0 ? ['--runs', String(runs)] : ['--phases', 'coverage']
  const { stdout, stderr } = await run(
    process.execPath,
    [CLI, 'fuzz', '--client', client, ...phases, '--json', '--found-dir', 'none'],
    {
      maxBuffer: 1 << 28,
    },
  ).catch((error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '' })) // exit 1 = violations: the report has them
  if (!stdout.trim()) {
    console.error(`compare-conformance: fuzz --client ${client} printed no report: ${stderr.trim().split('\n').at(-1) ?? ''}`)
    process.exit(2)
  }
  return findingsOf(stdout)
}

function findingsOf(json: string, file?: string): string[] {
  if (file) {
    try {
      JSON.parse(json)
    } catch (error) {
      console.error(`compare:conformance: ${file} is not a fuzz --json report (${(error as Error).message})`)
      process.exit(2)
    }
  }
  const report = JSON.parse(json) as {
    results?: Array<{ property: { id: string }; verdict: string; expectedFailure?: unknown }>
  }
  // A report that judged nothing cannot say what the harness finds: comparing against it would be a false "missed 0".
  if (!Array.isArray(report.results) || report.results.length === 0) {
    console.error(`compare:conformance: ${file ?? 'the fuzz run'} has no results: it judged nothing`)
    process.exit(2)
  }
  return report.results.filter((r) => r.verdict === 'violated' || r.expectedFailure !== undefined).map((r) => r.property.id)
}

/** What each compared client can be told (grants, DPoP): the built-in ones as they are, an installable one as installed. */
const capabilities = new Map<string, Pick<ClientUnderTest, 'grants' | 'dpop'>>()

async function capabilitiesOf(name: string): Promise<Pick<ClientUnderTest, 'grants' | 'dpop'>> {
  const builtIn = ALL_CLIENTS.find((c) => c.name === name)
  if (builtIn) return builtIn
  const installable = findInstallable(name)
  return installable ? installedClient(installable.client, installable.version, { withoutOAuth: installable.withoutOAuth }) : {}
}

/** Whether a client can be told what an authorization-extension scenario asks of it (true for every other scenario). */
function canBeTold(name: string, scenario: string): boolean {
  const needs = EXTENSION_NEEDS[scenario]
  if (!needs) return true
  const client = capabilities.get(name)
  return needs === 'dpop' ? client?.dpop === true : (client?.grants ?? []).some((grant) => grant === needs)
}

// Every process this run starts (the suite, fuzz, the clients they start) inherits this marker:
// Ctrl-C or SIGTERM ends them all and removes their folders, however they were started.
const RUN_MARKER = `compare-conformance-${process.pid}`
/** The suite's output folders in use, removed when the run is stopped. */
const suiteFolders = new Set<string>()
process.env[TRIAL_MARKER] = [process.env[TRIAL_MARKER], RUN_MARKER].filter(Boolean).join(',')
onFatalSignal((signal) => {
  const ended = killMarkedProcesses(RUN_MARKER)
  const removed = removeLiveTempDirs() + removeMarkedTempDirs(RUN_MARKER) + suiteFolders.size
  for (const folder of suiteFolders) rmSync(folder, { recursive: true, force: true })
  console.error(
    `compare:conformance: ${signal}: ended ${ended} process(es) started by this run, removed ${removed} temporary folder(s)`,
  )
})

const args = process.argv.slice(2)
if (args.includes('--help') || args.includes('-h')) {
  console.log(`usage: npm run compare:conformance -- [CLIENT…] [--sdks] [--runs N] [--reports DIR]

Runs the official conformance suite's client scenarios (the spec's and the authorization extensions') and fuzz
against the same clients, matches every failed suite check with the harness property that catches
the same fault, and ends with "missed by the harness: N" (exit 0 when N is 0, 1 otherwise, 2 on a
usage error).

  CLIENT…        built-in or SDK clients to compare (default: the built-in ones)
  --sdks         with no CLIENT, also python-sdk, go-sdk, rust-sdk and java-sdk (installed on first use)
  --faulty       instead, the faulty reference clients of the authorization extensions' properties,
                 each through the suite's extension scenarios (proof the two catch the same faults)
  --runs N       random fuzz trials after the coverage phase (default 50)
  --reports DIR  take each client's fuzz findings from DIR/CLIENT.json (fuzz --json) instead of fuzzing

examples:
  npm run compare:conformance
  npm run compare:conformance -- sdk2-streamable-modern --runs 10
  npm run compare:conformance -- --faulty --runs 0
  npx mcp-auth-harness fuzz --client rust-sdk --json > out/rust-sdk.json; npm run compare:conformance -- rust-sdk --reports out`)
  process.exit(0)
}
/** A usage error: one line, exit 2, nothing run. */
function usage(message: string): never {
  console.error(`compare-conformance: ${message} (--help for usage)`)
  process.exit(2)
}
const runsArg = args.includes('--runs') ? args[args.indexOf('--runs') + 1] : '50'
if (!runsArg || !/^\d+$/.test(runsArg)) usage(`--runs needs a whole number, got ${runsArg ?? 'nothing'}`)
const runs = Number(runsArg)
const reports = args.includes('--reports') ? args[args.indexOf('--reports') + 1] : undefined
if (args.includes('--reports') && (!reports || reports.startsWith('--'))) usage('--reports needs a folder')
const named = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs' && args[i - 1] !== '--reports')
// Clients named on the command line, built-in or SDK; else the built-in ones (and the SDKs with --sdks).
/**
 * With `--faulty`: the faulty reference clients of the authorization extensions' properties, each
 * through the suite's extension scenarios only (their one bug is there), to show the suite's
 * extension checks and the harness's properties catch the same faults.
 */
const FAULTY = FAULTY_CASES.filter((c) => c.property.source.kind === 'extension').map((c) => ({
  name: c.client.name,
  oauth: true,
  negotiatesModern: false,
  streamable: true,
  faulty: true,
}))
const clients: Array<(typeof BUILT_IN)[number] & { faulty?: boolean }> =
  named.length > 0
    ? [...BUILT_IN, ...SDKS, ...FAULTY].filter((c) => named.includes(c.name))
    : args.includes('--faulty')
      ? FAULTY
      : [...BUILT_IN, ...(args.includes('--sdks') ? SDKS : [])]

const unknown = named.filter((name) => ![...BUILT_IN, ...SDKS, ...FAULTY].some((c) => c.name === name))
if (unknown.length || clients.length === 0) {
  usage(
    `${unknown.length ? `unknown client ${unknown.join(', ')}` : 'no client selected'}; known: ${[...BUILT_IN, ...SDKS].map((c) => c.name).join(', ')}`,
  )
}

if (reports) {
  const lacking = clients.filter((c) => c.streamable && !existsSync(join(reports, `${c.name}.json`)))
  if (lacking.length) usage(`${reports} has no fuzz report for ${lacking.map((c) => `${c.name} (${c.name}.json)`).join(', ')}`)
  // Read before anything runs: a malformed report is a usage error, not a stack trace after the suite started.
  for (const c of clients.filter((c) => c.streamable))
    findingsOf(readFileSync(join(reports, `${c.name}.json`), 'utf8'), join(reports, `${c.name}.json`))
}

const scenarios = await clientScenarios()
console.log(
  `conformance suite ${SUITE_VERSION}: ${scenarios.length} client scenarios (${scenarios.filter((s) => s.versions.includes('extension')).length} of the authorization extensions; skills left out); fuzz: coverage phase + ${runs} random runs`,
)
console.log(
  Object.entries(NOT_A_FAULT)
    .map(([key, why]) => `not a client fault (${key}): ${why}`)
    .join('\n'),
)
let missed = 0
const harnessOnly: string[] = []
for (const client of clients) {
  capabilities.set(client.name, await capabilitiesOf(client.name))
  console.log(`\n## ${client.name}`)
  if (!client.streamable) {
    console.log('not run by the suite: its servers speak Streamable HTTP only, and this client speaks HTTP+SSE')
    continue
  }
  const [{ failures, checks }, found] = await Promise.all([
    suiteFailures(
      client.name,
      scenarios,
      client.faulty
        ? scenarios.filter((s) => s.versions.includes('extension') && canBeTold(client.name, s.name)).map((s) => s.name)
        : undefined,
    ),
    harnessFindings(client.name, runs, reports),
  ])
  // No false green: a suite run that produced no checks judged nothing.
  if (checks === 0) {
    console.error(`compare-conformance: the suite produced no checks for ${client.name}: did its command start?`)
    process.exit(2)
  }
  console.log(
    `suite: ${checks - failures.length}/${checks} checks passed; harness: ${found.length} properties violated (${found.join(', ') || 'none'})`,
  )
  const matched = new Set<string>()
  const rows = new Map<string, number>()
  for (const failure of failures) {
    const properties = propertiesFor(failure.check)
    const caught = properties.filter((p) => found.includes(p))
    caught.forEach((p) => matched.add(p))
    const scenario = scenarios.find((s) => s.name === failure.scenario)!
    const modernOnly = scenario.versions.every((v) => v === '2026-07-28')
    const excuse = caught.length
      ? undefined
      : notAFault(failure.scenario, failure.check, client, modernOnly, canBeTold(client.name, failure.scenario))
    if (!caught.length && !excuse) missed += 1
    const verdict = caught.length
      ? `caught by ${caught.join(', ')}`
      : excuse
        ? `not a client fault (${excuse})`
        : `**MISSED** (same fault: ${properties.join(', ') || 'no property'})`
    // A client without OAuth fails every authorization scenario: one line says so.
    const row =
      excuse === 'no OAuth'
        ? `| auth/* | every check | ${verdict} |`
        : excuse === 'no extension'
          ? `| ${failure.scenario} | every check | ${verdict} |`
          : `| ${failure.scenario} | ${failure.check} | ${verdict} |`
    rows.set(row, (rows.get(row) ?? 0) + 1)
  }
  if (rows.size)
    console.log(
      [
        '| suite scenario | failed check | harness |',
        '|---|---|---|',
        ...[...rows].map(([row, n]) => (n > 1 ? row.replace(/ \|$/, ` (×${n}) |`) : row)),
      ].join('\n'),
    )
  const only = found.filter((p) => !matched.has(p))
  if (only.length) harnessOnly.push(`${client.name}: ${only.join(', ')}`)
}
console.log(`\nfound by the harness, not by the suite:\n${harnessOnly.map((line) => `- ${line}`).join('\n') || '- nothing'}`)
console.log(`\nmissed by the harness: ${missed}`)
process.exitCode = missed === 0 ? 0 : 1
