import { describeSource } from '../property/property.js'
import { dirname } from 'node:path'
import type { Counterexample, PropertyResult } from '../runner/fuzz.js'
import type { ProcessReport, Trial, TrialOutcome } from '../core/trial.js'
import { transcript } from './transcript.js'
import type { Expectation } from '../runner/expected-failures.js'
import { Redactor } from '../recording/redactor.js'
import { collectSecrets } from '../recording/collect-secrets.js'
import { encodeExchange } from '../recording/exchange-codec.js'
import { shellQuote } from './shell-quote.js'

export { shellQuote }

/** Where `fuzz` saves counterexamples, and reads its stored examples from, unless told otherwise. */
export const DEFAULT_FOUND_DIR = 'recordings/found'

const VERDICT_TEXT = { held: 'held', violated: 'VIOLATED', 'not-exercised': 'not exercised' } as const
const EXPECTATION_TEXT = {
  seen: 'expected fail',
  reproduced: 'expected fail',
  stale: 'STALE EXPECT',
  fixed: 'fixed here',
} as const

/** Left-aligned in `width`, and always at least one space before the next column. */
function pad(text: string, width: number): string {
  return text.length >= width ? `${text} ` : text + ' '.repeat(width - text.length)
}

/** The client column's width for a set of client names (long `cmd:` names widen it). */
export function clientColumnWidth(names: readonly string[]): number {
  return Math.max(30, ...names.map((name) => name.length + 2))
}

/** The header of the results table. */
export function tableHeader(clientWidth = 30): string {
  return `${pad('client', clientWidth)}${pad('property', 32)}${pad('runs', 6)}${pad('held', 6)}${pad('violated', 9)}${pad('not exercised', 14)}verdict`
}

/**
 * One row of the results table: client, property, runs, and of those how many held, violated (the
 * search stops at the first) and did not exercise the property; the verdict; how sessions ended.
 */
export function tableRow(result: PropertyResult, clientWidth = 30, expectation?: Expectation): string {
  const { completed, 'client-error': errors, timeout } = result.outcomes
  const outcomes = `(sessions: ${completed} completed, ${errors} client error, ${timeout} timeout)`
  const violated = result.verdict === 'violated' ? 1 : 0
  const counts = `${pad(String(result.runs), 6)}${pad(String(result.exercised - violated), 6)}${pad(String(violated), 9)}${pad(String(result.runs - result.exercised), 14)}`
  return `${pad(result.client, clientWidth)}${pad(result.property.id, 32)}${counts}${pad(expectation ? EXPECTATION_TEXT[expectation.status] : VERDICT_TEXT[result.verdict], 15)}${outcomes}`
}

function processLines(report: ProcessReport): string[] {
  const indent = (text: string) =>
    text
      .trimEnd()
      .split('\n')
      .slice(-8)
      .map((line) => `      ${line}`)
  return [
    `    process:  ${report.command}`,
    `    exit:     ${report.signal ? `killed by ${report.signal}` : `code ${report.exitCode}`}`,
    ...(report.stdoutTail.trim() ? ['    stdout (tail):', ...indent(report.stdoutTail)] : []),
    ...(report.stderrTail.trim() ? ['    stderr (tail):', ...indent(report.stderrTail)] : []),
  ]
}

export function describeOutcome(outcome: TrialOutcome): string {
  if (outcome.kind === 'completed') return 'session completed'
  if (outcome.kind === 'timeout') return `timed out after ${outcome.afterMs} ms (traffic below is partial)`
  return `client error: ${outcome.message.split('\n')[0]}`
}

/** The exact command that replays a counterexample; `flags` are the other options the run used. */
/**
 * The same, for a client defined in a test (a ClientUnderTest object the CLI cannot name): the
 * `fuzzClient` call that finds it again.
 *
 * @example
 * libraryReproduceCall(result) // "await fuzzClient({ client: myClient, properties: ['headers-always-sent'], phases: ['coverage'] })"
 */
export function libraryReproduceCall(result: PropertyResult): string {
  const ce = result.counterexample
  if (!ce) return ''
  const where =
    ce.phase === 'coverage'
      ? `phases: ['coverage']`
      : ce.phase === 'example'
        ? `foundDir: ${JSON.stringify(dirname(ce.label ?? '.'))}`
        : `seed: ${ce.seed}, path: ${JSON.stringify(ce.path)}`
  return `await fuzzClient({ client: /* your ${JSON.stringify(result.client)} */, properties: ['${result.property.id}'], ${where} })`
}

export function reproduceCommand(result: PropertyResult, flags: readonly string[] = []): string {
  const ce = result.counterexample
  if (!ce) return ''
  return [
    `npx mcp-auth-harness fuzz --client ${shellQuote(result.client)} --property ${result.property.id}`,
    // The coverage phase is the same on every run: naming it is enough; stored examples are replayed first.
    ...(ce.phase === 'coverage'
      ? ['--phases coverage']
      : ce.phase === 'example'
        ? exampleDirFlag(ce.label)
        : [`--seed ${ce.seed} --path "${ce.path}"`]),
    ...flags,
  ].join(' ')
}

/** `--found-dir DIR` when a stored example's folder is not the default one. */
function exampleDirFlag(file: string | undefined): string[] {
  const dir = dirname(file ?? DEFAULT_FOUND_DIR)
  return dir === DEFAULT_FOUND_DIR ? [] : [`--found-dir ${shellQuote(dir)}`]
}

/**
 * Where a counterexample came from, in words: `coverage input #3 (label)`, `random trial, seed 7`,
 * `stored example recordings/found/x.json`.
 *
 * @example
 * foundBy({ phase: 'random', seed: 7, path: '3:1' }) // "random trial, seed 7, path 3:1"
 */
export function foundBy(ce: {
  phase?: Counterexample['phase'] | undefined
  seed: number
  path: string
  label?: string | undefined
}): string {
  if (ce.phase === 'coverage') return `coverage input #${ce.path}${ce.label ? ` (${ce.label})` : ''}`
  if (ce.phase === 'example') return `stored example ${ce.label ?? ''}`
  return `random trial, seed ${ce.seed}, path ${ce.path}`
}

/**
 * The full account of one violated property: statement and source, the shrunk config and
 * scenario, the traffic transcript, the violations and the command that reproduces it.
 */
export function counterexampleReport(
  result: PropertyResult,
  flags: readonly string[] = [],
  options: { libraryClient?: boolean } = {},
): string {
  const ce = result.counterexample
  if (!ce) return ''
  const { property } = result
  const lines = [
    `✗ ${result.client} violates ${property.id} [${property.level}]`,
    `  ${property.statement}`,
    `  source: ${describeSource(property.source)}`,
    `  counterexample (${foundBy(ce)}; after ${ce.shrinks} shrink steps):`,
    `    config:   ${JSON.stringify(ce.trial.config)}`,
    `    scenario: ${JSON.stringify(ce.trial.scenario)}`,
    `    outcome:  ${describeOutcome(ce.trial.outcome)}`,
    ...(ce.trial.process ? processLines(ce.trial.process) : []),
    ...(ce.trial.consoleTail ? ['    console (tail):', ...ce.trial.consoleTail.slice(-8).map((line) => `      ${line}`)] : []),
    `  traffic:`,
    ...transcript(ce.trial).map((line) => `    ${line}`),
    ...(ce.trial.truncated
      ? [`    … and more: the client kept sending; requests after #${ce.trial.exchanges.length} were refused`]
      : []),
    `  violations:`,
    ...ce.violations.slice(0, 10).map((v) => `    - ${v.message}`),
    ...(ce.violations.length > 10 ? [`    … and ${ce.violations.length - 10} more`] : []),
    ce.phase === 'coverage'
      ? `  reproduce (the coverage phase is the same on every run):`
      : ce.phase === 'example'
        ? `  reproduce (stored examples are replayed first):`
        : `  reproduce (seed ${ce.seed}, path ${ce.path}):`,
    `    ${options.libraryClient ? libraryReproduceCall(result) : reproduceCommand(result, flags)}`,
  ]
  return redactTrialText(ce.trial, lines.join('\n'))
}

/**
 * Text about a trial with the trial's secrets redacted as in recordings: reports end up in CI
 * logs (the input in the counterexample file reproduces the values).
 */
export function redactTrialText(trial: Trial, text: string): string {
  const redactor = new Redactor()
  collectSecrets(trial.config, trial.exchanges.map(encodeExchange), redactor)
  return redactor.apply(text)
}

/** The account of a listed (expected) failure: why it is known, and whether it still reproduces. */
export function expectationReport(
  result: PropertyResult,
  expectation: Expectation,
  file: string,
  flags: readonly string[] = [],
): string {
  const { entry, status } = expectation
  const how = entry.inputs ? 'from its input' : `with its seed ${entry.seed} and path ${entry.path}`
  const pair = `${result.client} × ${result.property.id}`
  const head =
    status === 'stale'
      ? `✗ STALE: ${pair} is listed in ${file} but no longer fails ${how}: remove the entry`
      : status === 'fixed'
        ? `✓ no longer fails in ${expectation.version}: ${pair} (${file} lists it for versions ${entry.versions}; it held ${how})`
        : `~ expected failure: ${pair} (${file}${status === 'reproduced' ? `; not drawn in this run, still reproduces ${how}` : ''})`
  const note =
    expectation.outsideVersions && status !== 'fixed'
      ? [`  still fails in ${expectation.version}, outside the entry's versions ${entry.versions}: widen them`]
      : []
  const target = entry.inputs ? '' : ` --seed ${entry.seed} --path "${entry.path}"`
  const reproduce =
    `npx mcp-auth-harness fuzz --client ${shellQuote(entry.client)} --property ${entry.property}${target} ${flags.join(' ')}`.trim()
  return [head, `  ${entry.reason}`, ...note, `  reproduce: ${reproduce}`].join('\n')
}
