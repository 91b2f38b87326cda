import type { CommandModule } from 'yargs'
import type { CliCommand } from '../cli-command.js'
import { PROPERTIES } from '../../../properties/index.js'
import { defaultClientFor } from '../../resolve/resolve-client.js'
import { loadRecording } from '../../recording/load-recording.js'
import { createReplayServer, type ReplayOptions } from '../../replay/replay-server.js'
import type { Mismatch } from '../../replay/recorded-index.js'
import { judgementReport } from '../../report/judgement-report.js'
import { describeOutcome, foundBy } from '../../report/text-report.js'
import { judgeTrial, NOTHING_JUDGED, nothingJudged } from '../../property/judge.js'
import { runLoggedSession, runSession } from '../../runner/run-trial.js'
import type { ClientUnderTest } from '../../clients/client-under-test.js'
import type { Trial } from '../../core/trial.js'
import { serveRecording } from '../../serve/serve-targets.js'
import { TrafficLog } from '../../traffic/traffic-log.js'
import { onFatalSignal, writeErr, writeOut } from '../../runtime/process.js'
import { killLiveProcessGroups } from '../../runtime/child-process.js'
import { removeLiveTempDirs } from '../../runtime/files.js'
import { resolveClients, selectProperties } from '../select.js'
import { propertyById } from '../../../properties/index.js'
import type { Property } from '../../property/property.js'
import type { Recording } from '../../recording/recording.js'
import { replayCounterexample } from '../../runner/replay-counterexample.js'
import { EXIT, UsageError } from '../usage-error.js'
import { checkMilliseconds } from '../check-number-options.js'
import type { Judgement } from '../../property/judge.js'
import type { Redactor } from '../../recording/redactor.js'
import { judgedTrialSession } from '../../report/html/trial-session.js'
import { viewOfJudgedSessions, type JudgedSession } from '../../report/html/judged-sessions-view.js'
import { writeHtmlReport } from '../../report/html/write-html-report.js'
import { checkOutputPath } from '../check-output-path.js'
import { registerTrialSecrets } from '../../recording/output-boundary.js'

interface ReplayArgs {
  recording: string
  client?: string[]
  property?: string[]
  speed: number
  unmatched: ReplayOptions['unmatched']
  timeout?: number
  canned: boolean
  'config-format': string
  html?: string
}

/** `--html FILE`: the replayed sessions as a page, each judged session a column. */
async function writeReplayHtml(
  file: string,
  headline: string,
  trials: ReadonlyArray<{ name: string; trial: Trial; judgements: readonly Judgement[] }>,
  reproduce: string[],
): Promise<void> {
  const sessions: JudgedSession[] = []
  const redactors: Redactor[] = []
  for (const { name, trial, judgements } of trials) {
    const { session, redactor } = judgedTrialSession(name, trial, judgements, 'record', { reproduce })
    sessions.push(session)
    redactors.push(redactor)
  }
  await writeHtmlReport(file, viewOfJudgedSessions('replay', sessions, [headline]), redactors)
  writeOut(`wrote ${file}\n`)
}

function describeMismatch(m: Mismatch): string {
  const live = `${m.live.method} ${m.live.path}${m.live.rpcMethod ? ` (${m.live.rpcMethod})` : ''}`
  if (!m.closest) return `  - ${live}: the recording has no answered exchange at all`
  const { seq, field, recorded, live: value } = m.closest
  return `  - ${live}: closest recorded exchange #${seq} differs in ${field} (recorded ${JSON.stringify(recorded)}, live ${JSON.stringify(value)})`
}

/** The property a counterexample names; an unknown one is an input error naming the file and field. */
function knownProperty(id: string, file: string): Property {
  try {
    return propertyById(id)
  } catch (error) {
    throw new UsageError(`${file}: $.counterexample.property: ${(error as Error).message}`)
  }
}

/**
 * `replay` of a saved counterexample: its scenario runs live against the client (by default the
 * one that failed) `FIXED_AFTER` times; FIXED exits 0, STILL FAILING and FLAKY exit 1.
 */
async function replayCounterexampleCommand(args: ReplayArgs, recording: Recording): Promise<number> {
  const info = recording.counterexample!
  // A counterexample file is untrusted (a CI artifact, a PR): a command or module named inside it
  // never runs. Only a built-in client may be taken from the file; anything else must be named here.
  if (!args.client && /^(cmd|module):/.test(info.client))
    throw new UsageError(
      `${args.recording} names the client ${JSON.stringify(info.client)}: replay never runs a command or module taken from a file. Check it, then name the client yourself with --client`,
    )
  const client =
    (await resolveClients(args.client, { configFormat: info.configFormat ?? args['config-format'] }))?.[0]?.client ??
    (await resolveClients([info.client], { configFormat: info.configFormat ?? 'claude' }))![0]!.client
  if (!client.transports.includes(recording.config.transport))
    throw new UsageError(`client ${client.name} does not speak ${recording.config.transport}, the counterexample's transport`)
  const property = selectProperties(args.property)?.[0] ?? knownProperty(info.property, args.recording)
  const timeoutMs = args.timeout ?? info.timeoutMs
  const { verdict, runs } = await replayCounterexample(recording, args.recording, client, property, { timeoutMs })
  writeOut(
    `replayed counterexample ${args.recording} (${info.client} × ${info.property}, ${foundBy(info)}${info.input ? '; its saved input' : '; its saved scenario'}) against ${client.name}, ${runs.length} times:\n`,
  )
  runs.forEach(({ trial, violations, exercised }, i) => {
    writeOut(
      `  run ${i + 1}: ${violations.length > 0 ? 'VIOLATED' : exercised ? 'held' : 'not exercised'} (${trial.exchanges.length} requests, ${describeOutcome(trial.outcome)})\n`,
    )
    for (const v of violations.slice(0, 3)) writeOut(`    - ${v.message}\n`)
  })
  const meaning = {
    FIXED: `held in ${runs.length} consecutive replays`,
    'STILL FAILING': 'violated in every replay',
    FLAKY: 'violated in some replays, held in others',
    'NOT JUDGED':
      'was not exercised in every replay (the client sent no request, or never reached what the property judges): not a fix',
  }[verdict]
  writeOut(`${verdict}: ${property.id} ${meaning}\n`)
  if (args.html)
    await writeReplayHtml(
      args.html,
      `${verdict}: ${property.id} ${meaning}`,
      runs.map(({ trial, violations, exercised }, i) => ({
        name: `${client.name} · run ${i + 1}`,
        trial,
        judgements: [
          { property, verdict: violations.length > 0 ? 'violated' : exercised ? 'held' : 'not-exercised', violations },
        ],
      })),
      [`npx mcp-auth-harness replay ${args.recording}${args.client ? ` --client ${client.name}` : ''}`],
    )
  return verdict === 'FIXED' ? EXIT.ok : EXIT.violated
}

/**
 * The recording answers the client: in process for a client in this process; on real ports for
 * one in another process, each recorded origin (MCP server, authorization server, …) on its own.
 */
async function replayTo(
  client: ClientUnderTest,
  recording: Recording,
  options: ReplayOptions,
  timeoutMs: number,
): Promise<{ trial: Trial; server: { mismatches: readonly Mismatch[] } }> {
  if (client.network !== 'real-port') {
    const server = createReplayServer(recording, options)
    return { trial: await runSession(client, recording.config, server, { timeoutMs }), server }
  }
  const log = new TrafficLog()
  const target = await serveRecording(recording, { host: '127.0.0.1', port: 0 }, log, options)
  try {
    const trial = await runLoggedSession(client, target.config, log, { timeoutMs })
    return { trial, server: target.replay! }
  } finally {
    await target.close()
  }
}

/** `replay`: the recorded server answers a client; the properties judge the new traffic. */
export async function runReplayCommand(args: ReplayArgs): Promise<number> {
  if (!(args.speed >= 0)) throw new UsageError(`--speed must be 0 or more, got ${args.speed}`)
  checkMilliseconds('--timeout', args.timeout)
  await checkOutputPath('--html', args.html)
  // Ctrl-C or SIGTERM: the client processes end and their folders go; a replay cut short has no verdict.
  onFatalSignal((signal) => {
    const stopped = killLiveProcessGroups()
    const removed = removeLiveTempDirs()
    writeErr(
      `mcp-auth-harness: ${signal}: replay stopped before its verdict; stopped ${stopped} client process group(s), removed ${removed} temporary folder(s)\n`,
    )
  })
  const recording = await loadRecording(args.recording)
  if (recording.counterexample && !args.canned) return replayCounterexampleCommand(args, recording)
  const timeout = args.timeout ?? 10_000
  const transport = recording.config.transport
  const client =
    (await resolveClients(args.client, { configFormat: args['config-format'] }))?.[0]?.client ??
    (await defaultClientFor(transport)).client
  if (!client.transports.includes(transport))
    throw new UsageError(`client ${client.name} does not speak ${transport}, the recording's transport`)
  const { trial, server } = await replayTo(client, recording, { speed: args.speed, unmatched: args.unmatched }, timeout)
  const judgements = judgeTrial(trial, selectProperties(args.property) ?? PROPERTIES)
  registerTrialSecrets(trial)
  const outcome =
    trial.outcome.kind === 'client-error' ? `client error: ${trial.outcome.message.split('\n')[0]}` : trial.outcome.kind
  writeOut(
    `replayed ${args.recording} to ${client.name}: ${trial.exchanges.length} requests, ${server.mismatches.length} unmatched, ${outcome}\n`,
  )
  if (server.mismatches.length > 0)
    writeOut(`unmatched requests (--unmatched ${args.unmatched}):\n${server.mismatches.map(describeMismatch).join('\n')}\n`)
  writeOut(`${judgementReport(trial, judgements)}\n`)
  if (args.html)
    await writeReplayHtml(
      args.html,
      `${args.recording} replayed to ${client.name}: ${trial.exchanges.length} requests, ${server.mismatches.length} unmatched`,
      [{ name: client.name, trial, judgements }],
      [`npx mcp-auth-harness replay ${args.recording} --client ${client.name}`],
    )
  if (nothingJudged(judgements)) {
    writeOut(`${NOTHING_JUDGED}\n`)
    return EXIT.violated
  }
  const violated = judgements.some((j) => j.verdict === 'violated')
  return violated || (server.mismatches.length > 0 && args.unmatched === 'error') ? EXIT.violated : EXIT.ok
}

const module: CommandModule<object, ReplayArgs> = {
  command: 'replay <recording>',
  describe:
    'Replay a recording as the server to a client and check the properties on the new traffic; re-run a saved counterexample (FIXED / STILL FAILING / FLAKY)',
  builder: (yargs) =>
    yargs
      .positional('recording', { type: 'string', demandOption: true, describe: 'Recording file' })
      .option('client', {
        type: 'string',
        array: true,
        describe:
          "Client to run (default: the SDK client for the recording's transport); also cmd:COMMAND (each recorded origin served on a port of its own) and module:PATH",
      })
      .option('config-format', {
        type: 'string',
        default: 'claude',
        describe: 'With a cmd: client: the format its config file is written in (a counterexample names its own)',
      })
      .option('property', { type: 'string', array: true, describe: 'Property id(s) to check; default: all' })
      .option('speed', { type: 'number', default: 1, describe: 'Scale of recorded SSE event spacing; 0 = no delay' })
      .option('unmatched', {
        type: 'string',
        choices: ['error', '404', 'passthrough'] as const,
        default: 'error' as const,
        describe: 'What a request with no recorded answer gets',
      })
      .option('timeout', {
        type: 'number',
        describe: 'Session timeout in ms (default 10000; for a counterexample, the timeout it was found with)',
      })
      .option('canned', {
        type: 'boolean',
        default: false,
        describe: 'For a counterexample: replay its recorded answers instead of re-running its scenario live',
      })
      .option('html', {
        type: 'string',
        describe: 'Also write one self-contained HTML report here (verdicts, diagrams, request details)',
      })
      .example('$0 replay recordings/my-server.json --client sdk-streamable', 'the recorded server, replayed to the SDK client')
      .example('$0 replay recordings/my-server.json --html replay.html', 'the same, with a page to open in a browser')
      .example('$0 replay recordings/claude-code-7290-sse.json --unmatched 404', 'answer what the recording lacks with 404')
      .example(
        '$0 replay recordings/found/faulty_drops-headers--headers-always-sent--seed1.json --client sdk-streamable',
        'a saved counterexample, re-run 3 times: FIXED, STILL FAILING or FLAKY',
      ),
  handler: () => undefined, // run by cli.ts, which owns exit codes
}

export const replayCommand: CliCommand<ReplayArgs> = { module, run: runReplayCommand }
