// `fuzz`'s flags: what they are, what they parse to, and what a reproduce command repeats.
import type { ClientReads } from '../../clients/command-client.js'
import { DEFAULT_CLIENTS } from '../../clients/registry.js'
import { BUNDLED_EXPECTED_FAILURES, resolveClient, type ResolvedClient } from '../../resolve/resolve-client.js'
import type { Transport } from '../../core/client-config.js'
import { loadExpectedFailures, type ExpectedFailure } from '../../runner/expected-failures.js'
import { PHASES, type Phase } from '../../runner/fuzz.js'
import { pathProblem } from '../../runner/replay-path.js'
import { checkMilliseconds } from '../check-number-options.js'
import { checkOutputPath } from '../check-output-path.js'
import { resolveClients } from '../select.js'
import { UsageError } from '../usage-error.js'

/** The parsed command line of `fuzz`. */
export interface FuzzArgs {
  client?: string[]
  property?: string[]
  runs: number
  seed?: number
  path?: string
  timeout: number
  'config-format': string
  'client-reads'?: ClientReads[]
  'session-loop'?: boolean
  'fail-fast'?: boolean
  network: 'in-process' | 'real-port'
  transport?: Transport[]
  concurrency?: number
  shrink: boolean
  'expected-failures': string
  'found-dir': string
  examples: boolean
  shard?: string
  json: boolean
  junit?: string
  'checks-dir'?: string
  summary?: string
  html?: string
  phases?: string
  'min-exercised'?: number
  verbose: boolean
}

/** `--phases coverage,random` → the phases in run order; anything else is a usage error. */
export function parsePhases(text: string | undefined, path: string | undefined): readonly Phase[] {
  if (text === undefined) return path === undefined ? PHASES : ['random']
  const named = text.split(',').map((p) => p.trim())
  const unknown = named.filter((p) => !PHASES.includes(p as Phase))
  if (named.length === 0 || unknown.length > 0)
    throw new UsageError(`--phases takes a comma-separated list of ${PHASES.join(', ')}, got "${text}"`)
  if (path !== undefined && named.includes('coverage'))
    throw new UsageError('--path replays a random-phase trial: use it with --phases random (or without --phases)')
  return PHASES.filter((p) => named.includes(p))
}

/**
 * The expected failures a run goes by: `--expected-failures FILE` (none with `none`); by default
 * (the bundled file) those shipped for each client run, as `resolveClient` found them.
 */
export async function expectedFailuresFor(args: FuzzArgs, clients: readonly ResolvedClient[]): Promise<ExpectedFailure[]> {
  const file = args['expected-failures']
  if (file === 'none') return []
  if (file === BUNDLED_EXPECTED_FAILURES) return clients.flatMap((resolved) => resolved.expectedFailures)
  return await loadExpectedFailures(file)
}

/** Flags beyond client, property, seed and path that a reproduce command must repeat. */
export function reproduceFlags(args: FuzzArgs): string[] {
  return [
    `--timeout ${args.timeout}`,
    ...(args['config-format'] !== 'claude' ? [`--config-format ${args['config-format']}`] : []),
    ...(args['client-reads'] ?? []).map((what) => `--client-reads ${what}`),
    ...(args['session-loop'] ? ['--session-loop'] : []),
    ...(args.network !== 'in-process' ? [`--network ${args.network}`] : []),
    ...(args.shrink ? [] : ['--no-shrink']),
    ...(args.transport ?? []).map((t) => `--transport ${t}`),
  ]
}

/** Applies --network and --transport to the chosen clients. */
function adapt(clients: readonly ResolvedClient[], args: FuzzArgs): ResolvedClient[] {
  return clients.map((resolved) => {
    const client = resolved.client
    const transports = args.transport ? client.transports.filter((t) => args.transport!.includes(t)) : client.transports
    if (transports.length === 0)
      throw new UsageError(`client ${client.name} speaks none of --transport ${args.transport!.join(', ')}`)
    const network = client.network === 'real-port' ? 'real-port' : args.network
    return { ...resolved, client: { ...client, transports, network }, capabilities: { ...resolved.capabilities, transports } }
  })
}

/** The clients `--client` names (default: the bundled SDK clients), resolved, with --network and --transport applied. */
export async function fuzzClients(args: FuzzArgs): Promise<ResolvedClient[]> {
  const named = await resolveClients(args.client, {
    configFormat: args['config-format'],
    ...(args['client-reads'] ? { reads: args['client-reads'] } : {}),
    ...(args['session-loop'] ? { sessionLoop: true } : {}),
  })
  const clients = named ?? (await Promise.all(DEFAULT_CLIENTS.map((client) => resolveClient(client.name))))
  return adapt(clients, args)
}

/** `--shard 2/4` → { index: 2, count: 4 }; anything else is a usage error. */
export function parseShard(text: string | undefined): { index: number; count: number } | undefined {
  if (text === undefined) return undefined
  const match = /^(\d+)\/(\d+)$/.exec(text)
  const index = Number(match?.[1])
  const count = Number(match?.[2])
  if (!match || count < 1 || index < 1 || index > count)
    throw new UsageError(`--shard must be i/n with 1 ≤ i ≤ n (e.g. 2/4), got "${text}"`)
  return { index, count }
}

/** Checks every flag before anything runs (a bad flag is exit 2, never half a run); returns what they parse to. */
export async function checkedFlags(args: FuzzArgs) {
  if (!Number.isInteger(args.runs) || args.runs < 1)
    throw new UsageError(`--runs must be a positive whole number, got ${args.runs}`)
  checkMilliseconds('--timeout', args.timeout)
  if (args.seed !== undefined && !Number.isInteger(args.seed))
    throw new UsageError(`--seed must be a whole number, got ${args.seed}`)
  if (args.concurrency !== undefined && (!Number.isInteger(args.concurrency) || args.concurrency < 1 || args.concurrency > 64))
    throw new UsageError(`--concurrency must be a whole number from 1 to 64, got ${args.concurrency}`)
  const badPath = args.path === undefined ? undefined : pathProblem(args.path)
  if (badPath) throw new UsageError(`--path "${args.path!.slice(0, 80)}": ${badPath}`)
  const shard = parseShard(args.shard)
  const phases = parsePhases(args.phases, args.path)
  const minExercised = args['min-exercised']
  if (minExercised !== undefined && (!Number.isInteger(minExercised) || minExercised < 1))
    throw new UsageError(`--min-exercised must be a positive whole number, got ${minExercised}`)
  if (shard && args.seed === undefined)
    throw new UsageError('--shard needs --seed: every shard must draw from the same sequence (e.g. --seed $GITHUB_RUN_ID)')
  for (const [flag, path, kind] of [
    ['--junit', args.junit, 'file'],
    ['--summary', args.summary, 'file'],
    ['--html', args.html, 'file'],
    ['--checks-dir', args['checks-dir'], 'dir'],
    ['--found-dir', args['found-dir'] === 'none' ? undefined : args['found-dir'], 'dir'],
  ] as const) {
    await checkOutputPath(flag, path, kind)
  }
  return { shard, phases, minExercised }
}
