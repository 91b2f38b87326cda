import type { CommandModule } from 'yargs'
import type { CliCommand } from '../cli-command.js'
import { PROPERTIES } from '../../../properties/index.js'
import { loadRecording } from '../../recording/load-recording.js'
import { recordingTrial } from '../../recording/recording-trial.js'
import { judgementReport } from '../../report/judgement-report.js'
import { judgeTrial, NOTHING_JUDGED } from '../../property/judge.js'
import { writeOut } from '../../runtime/process.js'
import { EXIT } from '../usage-error.js'
import { checkOutputPath } from '../check-output-path.js'
import { recordingRedactor } from '../../recording/collect-secrets.js'
import type { Redactor } from '../../recording/redactor.js'
import { viewOfJudgedSessions, type JudgedSession } from '../../report/html/judged-sessions-view.js'
import { writeHtmlReport } from '../../report/html/write-html-report.js'
import { selectProperties } from '../select.js'

interface CheckArgs {
  recordings: string[]
  property?: string[]
  html?: string
}

/** `check`: the properties over each recording's stored traffic; returns the exit code. */
export async function runCheckCommand(args: CheckArgs): Promise<number> {
  const properties = selectProperties(args.property) ?? PROPERTIES
  await checkOutputPath('--html', args.html)
  let violated = 0
  let judged = 0
  const sessions: JudgedSession[] = []
  const redactors: Redactor[] = []
  for (const file of args.recordings) {
    const recording = await loadRecording(file)
    const trial = recordingTrial(recording)
    const judgements = judgeTrial(trial, properties)
    // A hand-edited file may hold a live secret: known to the boundary before its listing is printed.
    redactors.push(recordingRedactor(recording))
    sessions.push({
      client: file,
      recording,
      judgements,
      origin: `${recording.metadata.source} recording of ${recording.metadata.client} (${recording.metadata.transport}), ${recording.metadata.recordedAt}`,
      reproduce: [`npx mcp-auth-harness check ${file}`],
    })
    violated += judgements.filter((j) => j.verdict === 'violated').length
    judged += judgements.filter((j) => j.verdict !== 'not-exercised').length
    const { client, source, transport } = recording.metadata
    writeOut(
      `${file}: ${recording.exchanges.length} exchanges, client ${client}, ${transport}, ${source}\n${judgementReport(trial, judgements)}\n\n`,
    )
  }
  if (args.html) {
    const view = viewOfJudgedSessions('check', sessions, [`${sessions.length} recording(s)`])
    await writeHtmlReport(args.html, view, redactors)
    writeOut(`wrote ${args.html}\n`)
  }
  // No false green: recordings no property applies to were not checked, whatever they hold.
  if (judged === 0) {
    writeOut(`${NOTHING_JUDGED}\n`)
    return EXIT.violated
  }
  writeOut(violated === 0 ? 'every property that applies held.\n' : `${violated} property violation(s).\n`)
  return violated === 0 ? EXIT.ok : EXIT.violated
}

const module: CommandModule<object, CheckArgs> = {
  command: 'check <recordings..>',
  describe: 'Run the properties over the traffic stored in recordings (no client involved)',
  builder: (yargs) =>
    yargs
      .positional('recordings', { type: 'string', array: true, demandOption: true, describe: 'Recording files' })
      .option('property', { type: 'string', array: true, describe: 'Property id(s) to check; default: all' })
      .option('html', {
        type: 'string',
        describe: 'Also write one self-contained HTML report here (verdicts, diagrams, request details)',
      })
      .example('$0 check recordings/claude-code-7290-http.json', 'the seed bug, checked offline')
      .example('$0 check recordings/claude-code-7290-http.json --html check.html', 'the same, as a page to open in a browser')
      .example('$0 check recordings/*.json --property headers-always-sent', 'one property over many recordings'),
  handler: () => undefined, // run by cli.ts, which owns exit codes
}

export const checkCommand: CliCommand<CheckArgs> = { module, run: runCheckCommand }
