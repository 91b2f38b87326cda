import type { CommandModule } from 'yargs'
import type { CliCommand } from '../cli-command.js'
import { InputError } from '../../core/errors.js'
import { loadRecording } from '../../recording/load-recording.js'
import { issueReport } from '../../report/issue-report.js'
import { writeTextAtomically } from '../../runtime/files.js'
import { writeErr, writeOut } from '../../runtime/process.js'
import { EXIT, UsageError } from '../usage-error.js'
import { checkOutputPath } from '../check-output-path.js'
import { PROPERTIES } from '../../../properties/index.js'
import { recordingRedactor } from '../../recording/collect-secrets.js'
import { readJsonFile } from '../../recording/input-file.js'
import { parseRecording } from '../../recording/parse-recording.js'
import type { Recording } from '../../recording/recording.js'
import { viewProperty, type ReportView } from '../../report/html/report-view.js'
import { viewOfRunReport } from '../../report/html/run-report-view.js'
import { viewOfCounterexample } from '../../report/html/counterexample-view.js'
import { writeHtmlReport } from '../../report/html/write-html-report.js'
import { RUN_REPORT_FORMAT } from '../../report/run-report-schema.js'
import { mergeRunReports } from '../../report/merge-run-reports.js'
import { loadRunReport, runReportFromJson } from '../../report/load-run-report.js'
import { runReportJson, writeReports } from '../../report/write-reports.js'
import type { Redactor } from '../../recording/redactor.js'

interface ReportArgs {
  file: string
  /** After `merge`: the shards' run reports. */
  files?: string[]
  issue: boolean
  out?: string
  html?: string
  junit?: string
  summary?: string
  json?: string
}

/**
 * `report merge SHARD.json…`: the run reports of `fuzz --shard I/N --json` jobs as the one run they
 * are, written as the same reporters `fuzz` writes (HTML page, JUnit, Markdown summary, JSON).
 */
async function runMerge(args: ReportArgs): Promise<number> {
  const files = args.files ?? []
  if (args.issue || args.out)
    throw new UsageError(
      'report merge writes --html, --junit, --summary and --json; --issue and --out are for one counterexample',
    )
  for (const [flag, path] of [
    ['--html', args.html],
    ['--junit', args.junit],
    ['--summary', args.summary],
    ['--json', args.json],
  ] as const)
    await checkOutputPath(flag, path)
  const loaded = await Promise.all(files.map(loadRunReport))
  const report = mergeRunReports(
    loaded.map((l) => l.report),
    files,
  )
  const redactors = loaded.flatMap((l) => l.redactors)
  await writeReports(report, redactors, {
    ...(args.junit ? { junit: args.junit } : {}),
    ...(args.summary ? { summary: args.summary } : {}),
    ...(args.html ? { html: args.html } : {}),
  })
  if (args.json) await writeTextAtomically(args.json, runReportJson(report, redactors))
  const { summary } = report
  const say = [args.html, args.junit, args.summary, args.json].includes('-') ? writeErr : writeOut
  for (const result of report.results.filter((r) => r.status === 'violated' || r.status === 'stale-expected-failure'))
    say(
      `${result.status === 'violated' ? '✗' : '!'} ${result.client} × ${result.property.id}: ${result.status === 'violated' ? 'VIOLATED' : 'STALE expected failure'}\n`,
    )
  say(
    `merged ${files.length} shards of seed ${report.seed}: ${report.trials} trials, ${summary.pairs} pairs: ${summary.held} held, ${summary.violated} violated, ${summary.expectedFailures} expected failure(s), ${summary.staleExpectedFailures} stale, ${summary.notExercised} not exercised${report.incomplete ? ' (a shard was interrupted: incomplete)' : ''}\n`,
  )
  return report.exitCode === 0 ? EXIT.ok : report.exitCode === 1 ? EXIT.violated : report.exitCode
}

/** A saved counterexample's one finding, its rule taken from this version's catalogue when it knows it. */
function counterexampleView(recording: Recording, file: string): ReportView {
  const info = recording.counterexample!
  const known = PROPERTIES.find((p) => p.id === info.property)
  const property = known
    ? viewProperty(known)
    : { id: info.property, level: info.level, statement: info.statement, source: 'unknown to this version', specReferences: [] }
  return viewOfCounterexample(recording, file, property)
}

/**
 * `report FILE --html OUT`: a run report (`fuzz --json`) or a saved counterexample as a page. Both
 * are files from elsewhere: validated, and redacted again by the secrets they hold themselves.
 */
async function writeHtml(file: string, out: string): Promise<void> {
  const parsed = await readJsonFile(file)
  let view: ReportView
  let redactors: Redactor[]
  if ((parsed as { format?: unknown } | null)?.format === RUN_REPORT_FORMAT) {
    const run = runReportFromJson(parsed, file)
    view = viewOfRunReport(run.report)
    redactors = run.redactors
  } else {
    const recording = parseRecording(parsed, file)
    if (!recording.counterexample)
      throw new InputError(
        `${file} is a recording, not a counterexample or a run report: judge it with \`check ${file} --html ${out}\``,
      )
    view = counterexampleView(recording, file)
    redactors = [recordingRedactor(recording)]
  }
  await writeHtmlReport(out, view, redactors)
  writeErr(`wrote ${out}\n`)
}

/** `report FILE --issue`: a saved counterexample as an upstream-ready bug report in Markdown. */
export async function runReportCommand(args: ReportArgs): Promise<number> {
  if (args.file === 'merge') return runMerge(args)
  if (args.files?.length)
    throw new UsageError(`report takes one file (or: report merge SHARD.json…), got ${1 + args.files.length}`)
  for (const flag of ['junit', 'summary', 'json'] as const)
    if (args[flag] !== undefined) throw new UsageError(`--${flag} goes with report merge`)
  if (args.issue === (args.html !== undefined))
    throw new UsageError(
      'choose what to write: --issue (a bug report in Markdown for the client’s maintainers) or --html FILE (a page to open in a browser)',
    )
  if (args.html !== undefined) {
    if (args.out !== undefined) throw new UsageError('--out goes with --issue; --html names its own file')
    await checkOutputPath('--html', args.html)
    await writeHtml(args.file, args.html)
    return EXIT.ok
  }
  await checkOutputPath('--out', args.out)
  const recording = await loadRecording(args.file)
  if (!recording.counterexample)
    throw new InputError(
      `${args.file} is a recording, not a counterexample (it has no "counterexample" block): judge it with \`check ${args.file}\`; fuzz saves counterexamples in recordings/found/`,
    )
  const markdown = issueReport(recording, args.file)
  if (args.out) {
    await writeTextAtomically(args.out, markdown)
    writeErr(`wrote ${args.out}\n`)
  } else writeOut(markdown)
  return EXIT.ok
}

const module: CommandModule<object, ReportArgs> = {
  command: 'report <file> [files..]',
  describe:
    'Turn a saved counterexample into a bug report (--issue), a run report or counterexample into a page (--html), or merge shards (report merge)',
  builder: (yargs) =>
    yargs
      .positional('file', {
        type: 'string',
        demandOption: true,
        describe: 'A counterexample saved by fuzz (recordings/found/*.json), or for --html also a run report (fuzz --json)',
      })
      .option('issue', {
        type: 'boolean',
        default: false,
        describe:
          'Markdown for an upstream issue: title, client and version, the rule with its spec references, the marked transcript, curl, reproduce commands',
      })
      .option('out', { type: 'string', describe: 'With --issue: write it to this file instead of stdout' })
      .positional('files', {
        type: 'string',
        array: true,
        describe: 'With merge: the run reports of the shards (fuzz --shard I/N --json)',
      })
      .option('html', {
        type: 'string',
        describe: 'Write one self-contained HTML page here (verdicts, diagrams, request details)',
      })
      .option('junit', { type: 'string', describe: 'With merge: JUnit XML of the whole run (- for stdout)' })
      .option('summary', { type: 'string', describe: 'With merge: append a Markdown summary here (e.g. $GITHUB_STEP_SUMMARY)' })
      .option('json', { type: 'string', describe: 'With merge: the merged run report (- for stdout)' })
      .example('$0 report recordings/found/go-sdk--client-registration--coverage8.json --issue', 'print the issue text')
      .example('$0 report FILE --issue --out issue.md', 'write it to a file')
      .example('$0 fuzz --json > run.json && $0 report run.json --html report.html', 'a saved run as a page')
      .example(
        '$0 report merge shard-*.json --html report.html --junit junit.xml',
        'the shards of one run (fuzz --seed S --shard I/N --json) as one report',
      ),
  handler: () => undefined, // run by cli.ts, which owns exit codes
}

export const reportCommand: CliCommand<ReportArgs> = { module, run: runReportCommand }
