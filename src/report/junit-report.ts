import type { RunReport, RunReportResult } from './run-report-schema.js'

/** Text for XML attribute values and element content. */
function xml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // XML 1.0 forbids most control characters even escaped, U+FFFE, U+FFFF and lone surrogates.
      .replace(
        // XML 1.0 forbids these characters: matching control characters is the point here.
        // oxlint-disable-next-line no-control-regex
        /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
        '',
      )
  )
}

const seconds = (ms: number) => (ms / 1000).toFixed(3)

/** The failure body: what was violated, the shrunk traffic as curl commands, how to reproduce. */
function failureBody(result: RunReportResult): string {
  const info = result.counterexample?.counterexample
  if (!info) return result.status === 'stale-expected-failure' ? 'listed as an expected failure, but it no longer fails' : ''
  return [
    `${info.client} violates ${info.property} [${info.level}]: ${info.statement}`,
    `outcome: ${info.outcome}`,
    'violations:',
    ...info.violations.map((v) => `  - ${v.message}`),
    'requests (curl):',
    ...info.curl.map((c) => `  ${c}`),
    `reproduce: ${info.reproduce}`,
    ...(result.savedAs ? [`replay: npx mcp-auth-harness replay ${result.savedAs}`] : []),
  ].join('\n')
}

function testcase(result: RunReportResult): string {
  const name = `${result.property.id} [${result.property.level}]`
  const open = `    <testcase classname="${xml(`mcp-auth-harness.${result.client}`)}" name="${xml(name)}" time="${seconds(result.durationMs)}"`
  switch (result.status) {
    case 'held':
      return `${open}/>`
    case 'not-exercised':
      return `${open}>\n      <skipped message="not exercised: no trial gave this property anything to judge"/>\n    </testcase>`
    case 'expected-failure':
      return `${open}>\n      <skipped message="${xml(`expected failure: ${result.expectedFailure!.reason}`)}"/>\n    </testcase>`
    default: {
      const first = result.counterexample?.counterexample?.violations[0]?.message ?? 'stale expected failure'
      const type = result.status === 'violated' ? 'VIOLATED' : 'STALE'
      return `${open}>\n      <failure message="${xml(first)}" type="${type}">${xml(failureBody(result))}</failure>\n    </testcase>`
    }
  }
}

/**
 * JUnit XML as CI test-report viewers read it: a `<testsuite>` per client, a `<testcase>` per
 * property (held: passed; not exercised and expected failures: skipped, with why; violated and
 * stale: failed, the counterexample in the failure body). Give it a redacted RunReport.
 *
 * @example
 * await writeFile('junit.xml', junitXml(report))
 */
export function junitXml(report: RunReport): string {
  const clients = [...new Set(report.results.map((r) => r.client))]
  const failed = (r: RunReportResult) => r.status === 'violated' || r.status === 'stale-expected-failure'
  const skipped = (r: RunReportResult) => r.status === 'not-exercised' || r.status === 'expected-failure'
  const suites = clients.map((client) => {
    const results = report.results.filter((r) => r.client === client)
    const time = results.reduce((sum, r) => sum + r.durationMs, 0)
    return [
      `  <testsuite name="${xml(client)}" tests="${results.length}" failures="${results.filter(failed).length}" errors="0" skipped="${results.filter(skipped).length}" time="${seconds(time)}" timestamp="${xml(report.startedAt)}">`,
      '    <properties>',
      `      <property name="seed" value="${report.seed}"/>`,
      `      <property name="runs" value="${report.runs}"/>`,
      ...(report.shard ? [`      <property name="shard" value="${report.shard.index}/${report.shard.count}"/>`] : []),
      '    </properties>',
      ...results.map(testcase),
      '  </testsuite>',
    ].join('\n')
  })
  // An interrupted run is not a green one: one errored test case says what was cut short.
  const cut = report.incomplete
  const interrupted = cut
    ? [
        `  <testsuite name="mcp-auth-harness run" tests="1" failures="0" errors="1" skipped="0" time="0">`,
        `    <testcase name="run finished" classname="mcp-auth-harness"><error message="interrupted by ${cut.signal} after ${cut.finishedPairs} of ${cut.totalPairs} client × property pairs: this report is incomplete"/></testcase>`,
        '  </testsuite>',
      ]
    : []
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="mcp-auth-harness" tests="${report.results.length + (cut ? 1 : 0)}" failures="${report.results.filter(failed).length}" errors="${cut ? 1 : 0}" skipped="${report.results.filter(skipped).length}" time="${seconds(report.durationMs)}">`,
    ...interrupted,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n')
}
