import type { CommandModule } from 'yargs'
import type { CliCommand } from '../cli-command.js'
import { PROPERTIES } from '../../../properties/index.js'
import type { Transport } from '../../core/client-config.js'
import { loadRecording } from '../../recording/load-recording.js'
import type { ReplayOptions } from '../../replay/replay-server.js'
import { judgementReport } from '../../report/judgement-report.js'
import { transcript } from '../../report/transcript.js'
import { judgeTrial, NOTHING_JUDGED, nothingJudged } from '../../property/judge.js'
import type { Trial } from '../../core/trial.js'
import { onInterrupt, writeOut } from '../../runtime/process.js'
import { namedScenario, SERVE_SCENARIO_NAMES } from '../../scenario/named-scenarios.js'
import { serveOAuthScenario, serveRecording, serveScenario, type ServeTarget } from '../../serve/serve-targets.js'
import { watchSession } from '../../serve/session-watch.js'
import { TrafficLog } from '../../traffic/traffic-log.js'
import { parseHeaderOptions } from '../parse-header.js'
import { selectProperties } from '../select.js'
import { EXIT, UsageError } from '../usage-error.js'
import { Redactor } from '../../recording/redactor.js'
import { collectSecrets } from '../../recording/collect-secrets.js'
import { encodeExchange } from '../../recording/exchange-codec.js'
import { checkPort, checkSeconds } from '../check-number-options.js'
import { startLiveView, type LiveView } from '../../serve/live-view.js'

interface ServeArgs {
  scenario?: string
  recording?: string
  port: number
  host: string
  transport: Transport
  path?: string
  header?: string[]
  duration?: number
  once: boolean
  speed: number
  unmatched: ReplayOptions['unmatched']
  property?: string[]
  ui: boolean
  'ui-port': number
}

async function startTarget(args: ServeArgs, log: TrafficLog): Promise<{ target: ServeTarget; what: string }> {
  const listen = { host: args.host, port: args.port }
  if (args.recording) {
    const recording = await loadRecording(args.recording)
    return {
      target: await serveRecording(recording, listen, log, { speed: args.speed, unmatched: args.unmatched }),
      what: `recording ${args.recording}`,
    }
  }
  const path = args.path ?? (args.transport === 'sse' ? '/sse' : '/mcp')
  if (!path.startsWith('/')) throw new UsageError(`--path must start with "/", got "${path}"`)
  if (args.scenario === 'oauth-cross-origin') {
    const target = await serveOAuthScenario(listen, log, {
      transport: args.transport,
      path,
      headers: parseHeaderOptions(args.header),
    })
    return { target, what: `scenario oauth-cross-origin (${args.transport}), authorization server at ${target.ports[1]!.origin}` }
  }
  let named
  try {
    named = namedScenario(args.scenario!)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const target = await serveScenario(named, listen, log, {
    transport: args.transport,
    path,
    headers: parseHeaderOptions(args.header),
  })
  return { target, what: `scenario ${named.name} (${args.transport})` }
}

/** `serve`: a scenario or recording on real ports for a client you start; verdicts when it ends. */
export async function runServeCommand(args: ServeArgs): Promise<number> {
  if (!args.scenario === !args.recording) throw new UsageError('give exactly one of --scenario NAME or --recording FILE')
  checkSeconds('--duration', args.duration)
  checkPort(args.port)
  checkPort(args['ui-port'], '--ui-port')
  const properties = selectProperties(args.property) ?? PROPERTIES
  // serve is not a fuzz trial: no loop guard, every request is served and logged.
  const log = new TrafficLog(Infinity)
  const interrupted = new Promise<void>((resolve) => onInterrupt(() => resolve()))
  let target: ServeTarget
  let what: string
  try {
    ;({ target, what } = await startTarget(args, log))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE' || code === 'EACCES') throw new UsageError(`cannot listen on ${args.host}:${args.port} (${code})`)
    throw error
  }
  let live: LiveView | undefined
  if (args.ui) {
    try {
      live = await startLiveView({ host: args.host, port: args['ui-port'] }, target.config, `mock MCP server (${what})`)
    } catch (error) {
      await target.close()
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EADDRINUSE' || code === 'EACCES')
        throw new UsageError(`--ui-port: cannot listen on ${args.host}:${args['ui-port']} (${code})`)
      throw error
    }
  }
  const headers = Object.entries(target.config.headers)
  writeOut(
    [
      `mock MCP server (${what}) at ${target.config.url}`,
      ...(target.replay ? target.ports.slice(1).map((port) => `  also serving a recorded origin at ${port.origin}`) : []),
      headers.length === 0
        ? 'no credentials needed'
        : target.replay
          ? `the recorded client was configured with: ${headers.map(([k]) => k).join(', ')} (values redacted: any value is accepted)`
          : args.header?.length
            ? `configure your client with: ${headers.map(([k]) => k).join(', ')} (the values you gave; secrets are never echoed)`
            : `configure your client with: ${headers.map(([k, v]) => `${k}: ${v}`).join(', ')}`,
      ...(live ? [`live report at ${live.url} (requests appear as they arrive, verdicts when the session ends)`] : []),
      `stop with Ctrl-C${args.once ? ', or it stops after the first session' : ''}${args.duration ? `, or after ${args.duration} s` : ''}; the verdicts come at the end`,
      '',
    ].join('\n'),
  )
  const served: Trial = {
    client: 'external (served)',
    config: target.config,
    exchanges: [],
    outcome: { kind: 'completed' },
    durationMs: 0,
  }
  // The live transcript shows URLs: secrets in their query strings (and anything seen before) are redacted.
  const redactor = new Redactor()
  const why = await watchSession(log, {
    once: args.once,
    ...(args.duration === undefined ? {} : { durationSeconds: args.duration }),
    interrupted,
    onExchange: (exchange) => {
      collectSecrets(served.config, [encodeExchange(exchange)], redactor)
      writeOut(`${redactor.apply(transcript({ ...served, exchanges: [exchange] })[0]!)}\n`)
      live?.update(log.exchanges)
    },
  })
  await target.close()
  await log.settle(1000)
  const trial: Trial = { ...served, exchanges: log.exchanges }
  const judgements = judgeTrial(trial, properties)
  if (live) {
    live.finish(trial, judgements, `session ended (${why})`)
    await live.close()
  }
  const mismatches = target.replay?.mismatches.length ?? 0
  writeOut(
    `\nsession ended (${why}): ${log.exchanges.length} requests${target.replay ? `, ${mismatches} unmatched` : ''}\n${judgementReport(trial, judgements)}\n`,
  )
  if (nothingJudged(judgements)) {
    writeOut(`${NOTHING_JUDGED}\n`)
    return EXIT.violated
  }
  return judgements.some((j) => j.verdict === 'violated') ? EXIT.violated : EXIT.ok
}

const module: CommandModule<object, ServeArgs> = {
  command: 'serve',
  describe: 'Serve a mock MCP server (scenario or recording) on real localhost ports for any client; verdicts at exit',
  builder: (yargs) =>
    yargs
      .option('scenario', {
        type: 'string',
        choices: SERVE_SCENARIO_NAMES,
        describe: 'A named server behaviour (see list)',
      })
      .option('recording', { type: 'string', describe: 'Replay this recording as the server' })
      .option('port', {
        type: 'number',
        default: 8001,
        describe: 'Port of the MCP server (more origins take the next ports); 0 picks free ones',
      })
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'Address to bind' })
      .option('transport', {
        type: 'string',
        choices: ['streamable-http', 'sse'] as const,
        default: 'streamable-http' as const,
        describe: 'Scenario transport',
      })
      .option('path', { type: 'string', describe: 'Scenario endpoint path (default /mcp, or /sse for sse)' })
      .option('header', {
        type: 'string',
        array: true,
        describe: 'The headers your client is configured with, "Name: value" (default: what the scenario requires)',
      })
      .option('duration', { type: 'number', describe: 'Stop after this many seconds' })
      .option('once', { type: 'boolean', default: false, describe: 'Stop after the first session closes' })
      .option('speed', { type: 'number', default: 1, describe: 'Recording: scale of SSE event spacing; 0 = no delay' })
      .option('unmatched', {
        type: 'string',
        choices: ['error', '404'] as const,
        default: '404' as const,
        describe: 'Recording: what an unmatched request gets (a served port has no real server behind it to pass through to)',
      })
      .option('property', { type: 'string', array: true, describe: 'Property id(s) to judge; default: all' })
      .option('ui', {
        type: 'boolean',
        default: false,
        describe: 'Also serve a live HTML report on another port: requests as they arrive, verdicts when the session ends',
      })
      .option('ui-port', { type: 'number', default: 0, describe: 'Port of the --ui page; 0 picks a free one' })
      .example('$0 serve --scenario static-key-404-discovery --port 8001', 'the seed server, for any client')
      .example('$0 serve --recording recordings/claude-code-7290-http.json --port 8001', 'a recorded server')
      .example('$0 serve --scenario open --once', 'stop after one session and print the verdicts')
      .example('$0 serve --scenario open --once --ui', 'watch the session in a browser while your client runs'),
  handler: () => undefined, // run by cli.ts, which owns exit codes
}

export const serveCommand: CliCommand<ServeArgs> = { module, run: runServeCommand }
