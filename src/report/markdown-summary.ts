import { sequenceDiagram } from './mermaid-sequence.js'
import type { RunReport, RunReportResult } from './run-report-schema.js'
import { fenced, markdownText } from './markdown-text.js'

const STATUS_TEXT: Record<RunReportResult['status'], string> = {
  held: '✅ held',
  violated: '❌ VIOLATED',
  'not-exercised': '➖ not exercised',
  'expected-failure': '⚠️ expected failure',
  'stale-expected-failure': '❌ STALE expected failure',
}

/** A table cell: no pipes or line breaks. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')

function counterexampleSection(result: RunReportResult): string[] {
  const recording = result.counterexample
  const info = recording?.counterexample
  if (!recording || !info) return []
  return [
    `### ❌ \`${cell(result.client)}\` violates \`${result.property.id}\` [${result.property.level}]`,
    '',
    result.property.statement,
    '',
    ...info.violations.slice(0, 10).map((v) => `- ${markdownText(v.message)}`),
    '',
    '```mermaid',
    sequenceDiagram(recording, info.violations),
    '```',
    '',
    `Outcome: ${markdownText(info.outcome)}. Reproduce:`,
    '',
    ...fenced([info.reproduce, ...(result.savedAs ? [`npx mcp-auth-harness replay ${result.savedAs}`] : [])], 'sh'),
    '',
  ]
}

/** Exercise accounting: per client, how often each dimension value was drawn (collapsed). */
function exerciseSection(report: RunReport): string[] {
  const exercise = report.exercise ?? {}
  const clients = Object.entries(exercise).filter(([, e]) => Object.keys(e.dimensions).length > 0)
  if (clients.length === 0) return []
  return [
    '<details><summary>Exercise: trials per dimension value, per client</summary>',
    '',
    ...clients.flatMap(([client, { dimensions }]) => [
      `**\`${cell(client)}\`**`,
      '',
      '| dimension | trials per value |',
      '|---|---|',
      ...Object.entries(dimensions).map(
        ([name, counts]) =>
          `| \`${name}\` | ${Object.entries(counts)
            .map(([value, n]) => `${cell(value === '' ? "''" : value)}: ${n}`)
            .join(' · ')} |`,
      ),
      '',
    ]),
    '</details>',
    '',
  ]
}

/**
 * Markdown for a CI job summary (GitHub's `$GITHUB_STEP_SUMMARY`): the verdict, a table per
 * client × property, and each counterexample's traffic as a Mermaid sequence diagram with the
 * offending requests highlighted. Give it a redacted RunReport.
 *
 * @example
 * await appendFile(process.env.GITHUB_STEP_SUMMARY!, markdownSummary(report))
 */
export function markdownSummary(report: RunReport): string {
  const { summary } = report
  const cut = report.incomplete
  const verdict = cut
    ? `⚠️ incomplete: interrupted by ${cut.signal} after ${cut.finishedPairs} of ${cut.totalPairs} client × property pairs`
    : summary.violated + summary.staleExpectedFailures === 0
      ? '✅ no unexpected violation'
      : `❌ ${summary.violated} violated${summary.staleExpectedFailures ? `, ${summary.staleExpectedFailures} stale expected failure(s)` : ''}`
  const shard = report.shard ? ` · shard ${report.shard.index}/${report.shard.count}` : ''
  const rows = report.results.map(
    (r) =>
      `| \`${cell(r.client)}\` | \`${r.property.id}\` | ${r.property.level} | ${r.runs} | ${r.held} | ${r.violated} | ${r.notExercised} | ${STATUS_TEXT[r.status]} |`,
  )
  const notable = report.results.filter((r) => r.status !== 'held' && r.status !== 'not-exercised')
  return [
    `## mcp-auth-harness fuzz: ${verdict}`,
    '',
    `Seed ${report.seed} · ${report.phases ? `coverage phase ${report.phases.coverage} trials, random phase ${report.phases.random} · ` : ''}${report.runs} random runs per client · ${report.trials} trials in ${(report.durationMs / 1000).toFixed(1)} s${shard} · ${summary.held} held, ${summary.notExercised} not exercised, ${summary.expectedFailures} expected failure(s)`,
    '',
    ...(notable.length > 0
      ? [
          '| client | property | level | verdict |',
          '|---|---|---|---|',
          ...notable.map(
            (r) => `| \`${cell(r.client)}\` | \`${r.property.id}\` | ${r.property.level} | ${STATUS_TEXT[r.status]} |`,
          ),
          '',
        ]
      : []),
    '<details><summary>Every client × property</summary>',
    '',
    '| client | property | level | runs | held | violated | not exercised | verdict |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    '</details>',
    '',
    ...exerciseSection(report),
    ...report.results.flatMap(counterexampleSection),
  ].join('\n')
}
