import type { ProcessReport } from '../core/trial.js'

/**
 * Why a client process ended badly, in one line: `exit code 1` or `killed by SIGTERM`, then the last
 * non-empty line of `output` (default: its stderr), which is where clients say what went wrong.
 *
 * @example
 * processFailure({ exitCode: 1, signal: null, stderrTail: 'boom\n', … }) // 'exit code 1: boom'
 */
export function processFailure(report: ProcessReport, output = report.stderrTail, lead?: (why: string) => string): string {
  const why = report.signal ? `killed by ${report.signal}` : `exit code ${report.exitCode}`
  const lastLine = output.trim().split('\n').filter(Boolean).pop() ?? ''
  return `${lead ? lead(why) : why}${lastLine ? `: ${lastLine}` : ''}`
}
