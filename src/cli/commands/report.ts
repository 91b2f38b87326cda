import type { CommandModule } from 'yargs'
import type { CliCommand } from '../cli-command.js'
import { InputError } from '../../core/errors.js'
import { loadRecording } from '../../recording/load-recording.js'
import { issueReport } from '../../report/issue-report.js'
import { outputProblem, writeTextAtomically } from '../../runtime/files.js'
import { writeErr, writeOut } from '../../runtime/process.js'
import { EXIT, UsageError } from '../usage-error.js'

interface ReportArgs {
  file: string
  issue: boolean
  out?: string
}

/** `report FILE --issue`: a saved counterexample as an upstream-ready bug report in Markdown. */
export async function runReportCommand(args: ReportArgs): Promise<number> {
  if (!args.issue) throw new UsageError('choose what to write: --issue (a bug report in Markdown for the client’s maintainers)')
  if (args.out) {
    const problem = await outputProblem(args.out, 'file')
    if (problem) throw new UsageError(`--out ${args.out}: ${problem}`)
  }
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
  command: 'report <file>',
  describe: 'Turn a saved counterexample into a bug report for the client’s maintainers (--issue)',
  builder: (yargs) =>
    yargs
      .positional('file', { type: 'string', demandOption: true, describe: 'A counterexample saved by fuzz (recordings/found/*.json)' })
      .option('issue', { type: 'boolean', default: false, describe: 'Markdown for an upstream issue: title, client and version, the rule with its spec references, the marked transcript, curl, reproduce commands' })
      .option('out', { type: 'string', describe: 'Write it to this file instead of stdout' })
      .example('$0 report recordings/found/go-sdk--client-registration--coverage8.json --issue', 'print the issue text')
      .example('$0 report FILE --issue --out issue.md', 'write it to a file'),
  handler: () => undefined, // run by cli.ts, which owns exit codes
}

export const reportCommand: CliCommand<ReportArgs> = { module, run: runReportCommand }
