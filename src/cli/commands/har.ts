import type { CommandModule } from 'yargs'
import type { CliCommand } from '../cli-command.js'
import type { Transport } from '../../core/client-config.js'
import { exportHar } from '../../har/export-har.js'
import { harConfig, harExchanges, parseHar } from '../../har/import-har.js'
import { buildRecording } from '../../recording/build-recording.js'
import { loadRecording } from '../../recording/load-recording.js'
import { readJsonFile } from '../../recording/input-file.js'
import { writeRecording } from '../../recording/write-recording.js'
import { writeTextAtomically } from '../../runtime/files.js'
import { writeErr, writeOut } from '../../runtime/process.js'
import { STDOUT } from '../../runtime/output-target.js'
import { checkOutputPath } from '../check-output-path.js'
import { parseHeaderOptions, parseRedactOptions, parseUrlOption } from '../parse-header.js'
import { EXIT, UsageError } from '../usage-error.js'

interface ImportArgs {
  har: string
  out?: string
  url?: string
  transport?: Transport
  header?: string[]
  redact?: string[]
  client?: string
}

/** `import-har`: a HAR capture from a browser, mitmproxy or Charles becomes a redacted recording. */
export async function runImportHarCommand(args: ImportArgs): Promise<number> {
  if (!args.out) throw new UsageError('--out FILE is required: where to write the recording (- for standard output)')
  await checkOutputPath('--out', args.out)
  const har = parseHar(await readJsonFile(args.har), args.har)
  const exchanges = harExchanges(har.log.entries, args.har)
  const config = harConfig(exchanges, args.har, {
    ...(args.url === undefined ? {} : { url: parseUrlOption('url', args.url) }),
    ...(args.transport === undefined ? {} : { transport: args.transport }),
    headers: parseHeaderOptions(args.header),
  })
  const { recording, redactor } = buildRecording({
    config,
    exchanges,
    client: args.client ?? `${har.log.creator.name} ${har.log.creator.version} (HAR import)`,
    source: 'har',
    redact: parseRedactOptions(args.redact),
  })
  await writeRecording(args.out, recording, redactor)
  ;(args.out === STDOUT ? writeErr : writeOut)(
    `imported ${exchanges.length} entries from ${args.har} to ${args.out} (${config.transport}, ${config.url}); ${redactor.count()} secret value(s) redacted\n`,
  )
  return EXIT.ok
}

interface ExportArgs {
  recording: string
  har?: string
}

/** `export --har`: a recording as HAR 1.2 for devtools. */
export async function runExportCommand(args: ExportArgs): Promise<number> {
  if (!args.har) throw new UsageError('--har FILE is required: where to write the HAR (- for standard output)')
  await checkOutputPath('--har', args.har)
  const recording = await loadRecording(args.recording)
  await writeTextAtomically(args.har, `${JSON.stringify(exportHar(recording), null, 2)}\n`)
  ;(args.har === STDOUT ? writeErr : writeOut)(
    `exported ${recording.exchanges.length} exchanges from ${args.recording} to ${args.har} (HAR 1.2)\n`,
  )
  return EXIT.ok
}

const importModule: CommandModule<object, ImportArgs> = {
  command: 'import-har <har>',
  describe: 'Turn a HAR 1.2 capture (browser devtools, mitmproxy, Charles) into a redacted recording',
  builder: (yargs) =>
    yargs
      .positional('har', { type: 'string', demandOption: true, describe: 'HAR file' })
      .option('out', { type: 'string', describe: 'Recording file to write' })
      .option('url', { type: 'string', describe: 'MCP server URL (default: where initialize was POSTed, or the SSE stream)' })
      .option('transport', {
        type: 'string',
        choices: ['streamable-http', 'sse'] as const,
        describe: 'Transport (default: inferred)',
      })
      .option('header', {
        type: 'string',
        array: true,
        describe: 'The configured header "Name: value" (repeatable), for the properties and redaction',
      })
      .option('redact', { type: 'string', array: true, describe: 'Extra regular expression to redact (repeatable)' })
      .option('client', { type: 'string', describe: 'Client name for the metadata' })
      .example('$0 import-har session.har --out recordings/from-har.json', 'import a devtools capture'),
  handler: () => undefined, // run by cli.ts, which owns exit codes
}

const exportModule: CommandModule<object, ExportArgs> = {
  command: 'export <recording>',
  describe: 'Export a recording as HAR 1.2 (open it in browser devtools)',
  builder: (yargs) =>
    yargs
      .positional('recording', { type: 'string', demandOption: true, describe: 'Recording file' })
      .option('har', { type: 'string', describe: 'HAR file to write' })
      .example('$0 export recordings/x.json --har x.har', 'write x.har'),
  handler: () => undefined, // run by cli.ts, which owns exit codes
}

export const importHarCommand: CliCommand<ImportArgs> = { module: importModule, run: runImportHarCommand }
export const exportCommand: CliCommand<ExportArgs> = { module: exportModule, run: runExportCommand }
