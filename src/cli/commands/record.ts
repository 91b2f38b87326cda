import type { CommandModule } from 'yargs'
import type { CliCommand } from '../cli-command.js'
import { PROPERTIES } from '../../../properties/index.js'
import { defaultClientFor } from '../../resolve/resolve-client.js'
import type { ClientConfig, Transport } from '../../core/client-config.js'
import { recordSession } from '../../record/record-session.js'
import { startRecordingProxy } from '../../record/recording-proxy.js'
import { proxyEnvironment, startForwardProxy } from '../../record/forward-proxy.js'
import type { ClientUnderTest } from '../../clients/client-under-test.js'
import { runLoggedSession } from '../../runner/run-trial.js'
import { describeOutcome } from '../../report/text-report.js'
import { inferMcpUrl } from '../../traffic/infer-mcp-url.js'
import { buildRecording } from '../../recording/build-recording.js'
import { recordingTrial } from '../../recording/recording-trial.js'
import type { Recording } from '../../recording/recording.js'
import type { Redactor } from '../../recording/redactor.js'
import { writeRecording } from '../../recording/write-recording.js'
import { judgementReport } from '../../report/judgement-report.js'
import { judgeTrial, NOTHING_JUDGED, nothingJudged } from '../../property/judge.js'
import { inferTransport } from '../../traffic/infer-transport.js'
import { onInterrupt, writeErr, writeOut } from '../../runtime/process.js'
import { parseHeaderOptions, parseRedactOptions, parseUrlOption } from '../parse-header.js'
import { resolveClients } from '../select.js'
import { EXIT, UsageError } from '../usage-error.js'
import { checkMilliseconds, checkPort, checkSeconds } from '../check-number-options.js'
import { checkOutputPath } from '../check-output-path.js'
import { STDOUT } from '../../runtime/output-target.js'

interface RecordArgs {
  url?: string
  transport?: Transport
  header?: string[]
  out?: string
  client?: string[]
  redact?: string[]
  timeout: number
  notes?: string
  proxy: boolean
  upstream?: string
  port: number
  host: string
  duration?: number
  'forward-proxy': boolean
  'ca-dir'?: string
  'config-format': string
}

/**
 * Ctrl-C or SIGTERM while a client runs: its session is stopped (its processes ended, its folder
 * removed as the trial ends), and what it did so far is written, marked incomplete.
 */
function stopOnInterrupt(): { signal: AbortSignal; stoppedBy: () => 'SIGINT' | 'SIGTERM' | undefined; dispose: () => void } {
  const controller = new AbortController()
  let stoppedBy: 'SIGINT' | 'SIGTERM' | undefined
  const dispose = onInterrupt((signal) => {
    stoppedBy = signal
    writeErr(`mcp-auth-harness: ${signal}: stopping the client and writing what was recorded so far\n`)
    controller.abort()
  })
  return { signal: controller.signal, stoppedBy: () => stoppedBy, dispose }
}

/** 130 or 143 as a shell would, for a recording cut short by a signal. */
function interruptedExit(signal: 'SIGINT' | 'SIGTERM'): number {
  return signal === 'SIGINT' ? 130 : 143
}

/** Writes the recording, then judges it like `check` does; returns the exit code. */
async function finish(
  out: string,
  recording: Recording,
  redactor: Redactor,
  outcome: string,
  stoppedBy?: 'SIGINT' | 'SIGTERM',
): Promise<number> {
  if (stoppedBy) {
    const mark = `incomplete: stopped by ${stoppedBy} before the session ended`
    recording = {
      ...recording,
      metadata: { ...recording.metadata, notes: recording.metadata.notes ? `${recording.metadata.notes}; ${mark}` : mark },
    }
  }
  await writeRecording(out, recording, redactor)
  const trial = recordingTrial(recording)
  const judgements = judgeTrial(trial, PROPERTIES)
  // With `--out -` the recording is standard output; what record says goes beside it.
  const say = out === STDOUT ? writeErr : writeOut
  say(
    `recorded ${recording.exchanges.length} exchanges (${outcome}) to ${out}; ${redactor.count()} secret value(s) redacted\n` +
      `${judgementReport(trial, judgements)}\n`,
  )
  if (stoppedBy) {
    say(`incomplete: stopped by ${stoppedBy}; the file holds the session as far as it got\n`)
    return interruptedExit(stoppedBy)
  }
  // No false green: a session no property could judge is not a pass (the file is kept all the same).
  if (nothingJudged(judgements)) {
    say(`${NOTHING_JUDGED}\n`)
    return EXIT.violated
  }
  return judgements.some((j) => j.verdict === 'violated') ? EXIT.violated : EXIT.ok
}

async function recordInProcess(args: RecordArgs, out: string, client: ClientUnderTest): Promise<number> {
  const transport = args.transport ?? 'streamable-http'
  const config: ClientConfig = { transport, url: parseUrlOption('url', args.url), headers: parseHeaderOptions(args.header) }
  if (!client.transports.includes(config.transport))
    throw new UsageError(`client ${client.name} does not speak ${config.transport}`)
  const interrupt = stopOnInterrupt()
  const { trial, recording, redactor } = await recordSession(client, config, {
    timeoutMs: args.timeout,
    stop: interrupt.signal,
    redact: parseRedactOptions(args.redact),
    ...(args.notes === undefined ? {} : { notes: args.notes }),
  }).finally(interrupt.dispose)
  const outcome =
    trial.outcome.kind === 'client-error' ? `client error: ${trial.outcome.message.split('\n')[0]}` : trial.outcome.kind
  return finish(out, recording, redactor, `${client.name}, ${outcome}`, interrupt.stoppedBy())
}

async function recordThroughProxy(args: RecordArgs, out: string): Promise<number> {
  const upstream = parseUrlOption('upstream', args.upstream)
  const redact = parseRedactOptions(args.redact)
  const headers = parseHeaderOptions(args.header)
  const proxy = await startRecordingProxy(upstream, { host: args.host, port: args.port })
  writeOut(
    `recording proxy for ${upstream} listening; point the client at ${proxy.clientUrl}\nstop with Ctrl-C${args.duration ? ` (or after ${args.duration} s)` : ''}\n`,
  )
  await untilStopped(args.duration)
  await proxy.close()
  await proxy.log.settle(1000)
  const transport = args.transport ?? inferTransport(proxy.log.exchanges)
  const config: ClientConfig = { transport, url: upstream, headers }
  const { recording, redactor } = buildRecording({
    config,
    exchanges: proxy.log.exchanges,
    client: 'external (recording proxy)',
    source: 'proxy',
    redact,
    ...(args.notes === undefined ? {} : { notes: args.notes }),
  })
  return finish(out, recording, redactor, 'through the recording proxy')
}

/** Waits for Ctrl-C, SIGTERM or `--duration`: the end of a session the user runs by hand. */
function untilStopped(durationSeconds: number | undefined): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = durationSeconds ? setTimeout(resolve, durationSeconds * 1000) : undefined
    onInterrupt(() => {
      clearTimeout(timer)
      resolve()
    })
  })
}

/**
 * `record --forward-proxy`: every origin the client talks to, through an intercepting forward
 * proxy; the client is one started here with the proxy in its environment, or any client the
 * user points at it.
 */
async function recordThroughForwardProxy(args: RecordArgs, out: string, client: ClientUnderTest | undefined): Promise<number> {
  if (client && !client.outOfProcess)
    throw new UsageError(
      `${client.name} runs inside this process, where record captures every origin without a proxy: drop --forward-proxy (it is for clients in their own process: cmd:…, or one you start yourself)`,
    )
  if (client && !args.url) throw new UsageError('--client with --forward-proxy needs --url: the MCP server the client is given')
  const headers = parseHeaderOptions(args.header)
  const givenUrl = args.url === undefined ? undefined : parseUrlOption('url', args.url)
  const proxy = await startForwardProxy({ port: args.port, ...(args['ca-dir'] ? { caDir: args['ca-dir'] } : {}) }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES')
        throw new UsageError(`cannot listen on port ${args.port} (${error.code}): pick another with --port, or 0 for a free one`)
      throw error
    },
  )
  const env = proxyEnvironment(proxy)
  writeOut(
    `forward proxy at ${proxy.url} (HTTP, and HTTPS through CONNECT with TLS intercepted)
` +
      `its CA certificate, which the client must trust: ${proxy.ca.certPath}
`,
  )
  let outcome = 'through the forward proxy'
  let stoppedBy: 'SIGINT' | 'SIGTERM' | undefined
  try {
    if (client) {
      writeOut(`starting ${client.name} with HTTP(S)_PROXY, NODE_USE_ENV_PROXY=1 and the CA in its environment
`)
      const config: ClientConfig = { transport: args.transport ?? 'streamable-http', url: givenUrl!, headers }
      const interrupt = stopOnInterrupt()
      const trial = await runLoggedSession(client, config, proxy.log, {
        timeoutMs: args.timeout,
        env,
        stop: interrupt.signal,
      }).finally(interrupt.dispose)
      stoppedBy = interrupt.stoppedBy()
      outcome = `${client.name} through the forward proxy, ${describeOutcome(trial.outcome)}`
    } else {
      writeOut(
        `point a client at it, e.g.
  ${['HTTPS_PROXY', 'HTTP_PROXY', 'NODE_USE_ENV_PROXY', 'NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE', 'REQUESTS_CA_BUNDLE'].map((name) => `${name}=${env[name]}`).join(' \\\n  ')} \\\n  your-client
` +
          `stop with Ctrl-C${args.duration ? ` (or after ${args.duration} s)` : ''}
`,
      )
      await untilStopped(args.duration)
    }
  } finally {
    await proxy.close()
  }
  await proxy.log.settle(1000)
  const exchanges = proxy.log.exchanges
  if (exchanges.length === 0)
    throw new UsageError(
      'no request went through the proxy, so nothing was recorded: does the client honour HTTPS_PROXY/HTTP_PROXY (Node needs NODE_USE_ENV_PROXY=1, Node 24+)?',
    )
  const inferred = givenUrl ?? inferMcpUrl(exchanges)
  // Nothing is lost: without an MCP session the traffic is still written, under its first URL.
  if (!inferred)
    writeErr(
      `mcp-auth-harness: the traffic holds no MCP session (no initialize request); the recording names its first URL as the server (give --url to name it yourself)\n`,
    )
  const url = inferred ?? exchanges[0]!.url
  const transport = args.transport ?? inferTransport(exchanges)
  const { recording, redactor } = buildRecording({
    config: { transport, url, headers },
    exchanges,
    client: client?.name ?? 'external (forward proxy)',
    source: 'forward-proxy',
    redact: parseRedactOptions(args.redact),
    ...(args.notes === undefined ? {} : { notes: args.notes }),
  })
  return finish(out, recording, redactor, outcome, stoppedBy)
}

/** `record`: a client session against a real server, or any client through a recording proxy. */
export async function runRecordCommand(args: RecordArgs): Promise<number> {
  if (!args.out) throw new UsageError('--out FILE is required: where to write the recording (- for standard output)')
  await checkOutputPath('--out', args.out)
  checkMilliseconds('--timeout', args.timeout)
  checkSeconds('--duration', args.duration)
  checkPort(args.port)
  if (args.proxy && args['forward-proxy']) throw new UsageError('give one of --proxy (reverse) and --forward-proxy')
  if (args.proxy) {
    if (args.url) throw new UsageError('--proxy records a client you start yourself: give --upstream, not --url')
    if (args.client)
      throw new UsageError('--proxy records a client you start yourself; to start one here use --forward-proxy --client')
    return recordThroughProxy(args, args.out)
  }
  if (args.upstream) throw new UsageError('--upstream goes with --proxy')
  // A module: client is recorded in this thread, where every origin it talks to is seen without a proxy.
  const client = (await resolveClients(args.client, { configFormat: args['config-format'], moduleHere: true }))?.[0]?.client
  // A client in another process can only be seen from outside: through the forward proxy.
  if (args['forward-proxy'] || client?.outOfProcess) return recordThroughForwardProxy(args, args.out, client)
  const transport = args.transport ?? 'streamable-http'
  return recordInProcess(args, args.out, client ?? (await defaultClientFor(transport)).client)
}

const module: CommandModule<object, RecordArgs> = {
  command: 'record',
  describe: 'Record a real session (secrets redacted) into a recording file',
  builder: (yargs) =>
    yargs
      .option('url', { type: 'string', describe: 'MCP server URL to record the built-in client against' })
      .option('transport', {
        choices: ['streamable-http', 'sse'] as const,
        describe: 'Transport of the session (default: streamable-http; with --proxy, inferred from the traffic)',
      })
      .option('header', {
        type: 'string',
        array: true,
        describe: 'Configured header "Name: value" (repeatable); redacted in the file',
      })
      .option('out', { type: 'string', describe: 'Recording file to write' })
      .option('client', {
        type: 'string',
        array: true,
        describe: 'Client to record (default: sdk-streamable or sdk-sse by transport)',
      })
      .option('redact', {
        type: 'string',
        array: true,
        describe: 'Extra regular expression whose matches are redacted (repeatable)',
      })
      .option('timeout', { type: 'number', default: 10_000, describe: 'Session timeout in ms' })
      .option('notes', { type: 'string', describe: 'Free text stored in the recording metadata' })
      .option('proxy', {
        type: 'boolean',
        default: false,
        describe: 'Run a local recording reverse proxy for a client in another process',
      })
      .option('upstream', { type: 'string', describe: 'With --proxy: the real server URL' })
      .option('port', {
        type: 'number',
        default: 8111,
        describe: 'With --proxy or --forward-proxy: local port (0 picks a free one)',
      })
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'With --proxy: address to bind' })
      .option('duration', { type: 'number', describe: 'With --proxy or --forward-proxy: stop after this many seconds' })
      .option('forward-proxy', {
        type: 'boolean',
        default: false,
        describe:
          'Run a local forward proxy (HTTP and HTTPS via CONNECT, TLS intercepted with a local CA) that records every origin; with --client cmd:… --url it starts the client through it',
      })
      .option('ca-dir', {
        type: 'string',
        describe: 'With --forward-proxy: folder of the local CA (default: ~/.cache/mcp-auth-harness/ca)',
      })
      .option('config-format', {
        type: 'string',
        default: 'claude',
        describe: 'With a cmd: client: the format its config file is written in (see list)',
      })
      .example(
        '$0 record --url http://127.0.0.1:8001/mcp --header "X-API-Key: $KEY" --out recordings/my-server.json',
        'record the SDK client',
      )
      .example(
        '$0 record --proxy --upstream https://real.example/mcp --port 8111 --out recordings/x.json',
        'record any client through a local reverse proxy',
      )
      .example(
        '$0 record --forward-proxy --port 8112 --out recordings/x.json',
        'record every origin a client talks to (point it at the proxy, trust the printed CA)',
      )
      .example(
        "$0 record --client 'cmd:node my-client.js' --url https://real.example/mcp --out recordings/x.json",
        'start a client in its own process through the forward proxy',
      ),
  handler: () => undefined, // run by cli.ts, which owns exit codes
}

export const recordCommand: CliCommand<RecordArgs> = { module, run: runRecordCommand }
