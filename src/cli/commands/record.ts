import type { CommandModule } from 'yargs'
import type { CliCommand } from '../cli-command.js'
import { PROPERTIES } from '../../../properties/index.js'
import { clientByName } from '../../clients/registry.js'
import type { ClientConfig, Transport } from '../../config/client-config.js'
import { recordSession } from '../../record/record-session.js'
import { startRecordingProxy } from '../../record/recording-proxy.js'
import { buildRecording } from '../../recording/build-recording.js'
import { recordingTrial } from '../../recording/recording-trial.js'
import type { Recording } from '../../recording/recording.js'
import type { Redactor } from '../../recording/redactor.js'
import { writeRecording } from '../../recording/write-recording.js'
import { judgementReport } from '../../report/judgement-report.js'
import { judgeTrial } from '../../runner/judge-trial.js'
import { inferTransport } from '../../traffic/infer-transport.js'
import { onInterrupt, writeOut } from '../../runtime/process.js'
import { parseHeaderOptions, parseRedactOptions, parseUrlOption } from '../parse-header.js'
import { selectClients } from '../select.js'
import { EXIT, UsageError } from '../usage-error.js'
import { checkMilliseconds, checkPort, checkSeconds } from '../check-number-options.js'

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
}

/** Writes the recording, then judges it like `check` does; returns the exit code. */
async function finish(out: string, recording: Recording, redactor: Redactor, outcome: string): Promise<number> {
  await writeRecording(out, recording, redactor)
  const trial = recordingTrial(recording)
  const judgements = judgeTrial(trial, PROPERTIES)
  writeOut(
    `recorded ${recording.exchanges.length} exchanges (${outcome}) to ${out}; ${redactor.count()} secret value(s) redacted\n` +
      `${judgementReport(trial, judgements)}\n`,
  )
  return judgements.some((j) => j.verdict === 'violated') ? EXIT.violated : EXIT.ok
}

async function recordInProcess(args: RecordArgs, out: string): Promise<number> {
  const transport = args.transport ?? 'streamable-http'
  const config: ClientConfig = { transport, url: parseUrlOption('url', args.url), headers: parseHeaderOptions(args.header) }
  const client = selectClients(args.client)?.[0] ?? clientByName(transport === 'sse' ? 'sdk-sse' : 'sdk-streamable')
  if (!client.transports.includes(config.transport))
    throw new UsageError(`client ${client.name} does not speak ${config.transport}`)
  const { trial, recording, redactor } = await recordSession(client, config, {
    timeoutMs: args.timeout,
    redact: parseRedactOptions(args.redact),
    ...(args.notes === undefined ? {} : { notes: args.notes }),
  })
  const outcome =
    trial.outcome.kind === 'client-error' ? `client error: ${trial.outcome.message.split('\n')[0]}` : trial.outcome.kind
  return finish(out, recording, redactor, `${client.name}, ${outcome}`)
}

async function recordThroughProxy(args: RecordArgs, out: string): Promise<number> {
  const upstream = parseUrlOption('upstream', args.upstream)
  const redact = parseRedactOptions(args.redact)
  const headers = parseHeaderOptions(args.header)
  const proxy = await startRecordingProxy(upstream, { host: args.host, port: args.port })
  writeOut(
    `recording proxy for ${upstream} listening; point the client at ${proxy.clientUrl}\nstop with Ctrl-C${args.duration ? ` (or after ${args.duration} s)` : ''}\n`,
  )
  await new Promise<void>((resolve) => {
    const timer = args.duration ? setTimeout(resolve, args.duration * 1000) : undefined
    onInterrupt(() => {
      clearTimeout(timer)
      resolve()
    })
  })
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

/** `record`: a client session against a real server, or any client through the recording proxy. */
export async function runRecordCommand(args: RecordArgs): Promise<number> {
  if (!args.out) throw new UsageError('--out FILE is required: where to write the recording')
  checkMilliseconds('--timeout', args.timeout)
  checkSeconds('--duration', args.duration)
  checkPort(args.port)
  if (args.proxy) {
    if (args.url) throw new UsageError('--proxy records a client you start yourself: give --upstream, not --url')
    return recordThroughProxy(args, args.out)
  }
  if (args.upstream) throw new UsageError('--upstream goes with --proxy')
  return recordInProcess(args, args.out)
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
      .option('port', { type: 'number', default: 8111, describe: 'With --proxy: local port (0 picks a free one)' })
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'With --proxy: address to bind' })
      .option('duration', { type: 'number', describe: 'With --proxy: stop after this many seconds' })
      .example(
        '$0 record --url http://127.0.0.1:8001/mcp --header "X-API-Key: $KEY" --out recordings/my-server.json',
        'record the SDK client',
      )
      .example(
        '$0 record --proxy --upstream https://real.example/mcp --port 8111 --out recordings/x.json',
        'record any client through a local proxy',
      ),
  handler: () => undefined, // run by cli.ts, which owns exit codes
}

export const recordCommand: CliCommand<RecordArgs> = { module, run: runRecordCommand }
