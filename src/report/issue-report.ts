import { PROPERTIES } from '../../properties/index.js'
import type { Recording } from '../recording/recording.js'
import { recordingRedactor } from '../recording/collect-secrets.js'
import { fenced, markdownText } from './markdown-text.js'
import { recordingTrial } from '../recording/recording-trial.js'
import { transcript } from './transcript.js'

/** "request #7 POST http://… registered a client …" → "registered a client …": the part a title needs. */
function whatHappened(message: string): string {
  return message.replace(/^request #\d+ [A-Z]+ \S+ /, '').replace(/^exchange #\d+ /, '')
}

/** The rule's references: each spec version's page, or the evidence for a user expectation. */
function ruleSource(propertyId: string): string[] {
  const property = PROPERTIES.find((candidate) => candidate.id === propertyId)
  if (!property) return [`(this version of mcp-auth-harness has no property "${propertyId}")`]
  const source = property.source
  if (source.kind === 'extension') return source.references.map((ref) => `- [${ref.id}](${ref.url})`)
  if (source.kind !== 'spec')
    return source.issues?.length
      ? [`- User expectation, reported in:`, ...source.issues.map((issue) => `  - [${issue.id}](${issue.url})`)]
      : [`- User expectation: ${source.evidence}`]
  return source.references.map((ref) => `- MCP ${ref.version}: [${ref.section}](${ref.url})`)
}

/**
 * A saved counterexample as a bug report an upstream maintainer can act on, in Markdown: a title,
 * the client and its version, the rule broken with its spec references and level, the minimal
 * transcript with the offending requests marked, the requests as `curl`, and the commands that
 * find it again. Everything passes through a redactor made from the file itself, so a hand-edited
 * file with a live secret still prints only placeholders.
 *
 * @example
 * const markdown = issueReport(await loadRecording('recordings/found/go-sdk--client-registration--coverage8.json'))
 */
export function issueReport(recording: Recording, file: string): string {
  const ce = recording.counterexample
  if (!ce) throw new Error('not a counterexample')
  const offending = new Set(ce.violations.flatMap((v) => (v.exchange === undefined ? [] : [v.exchange])))
  const first = ce.violations[0]
  const level = ce.level === 'EXPECTED' ? 'user expectation' : `MCP ${ce.level}`
  const title = markdownText(
    `${ce.client}: ${first ? whatHappened(first.message) : `violates ${ce.property}`} (${level}, ${ce.property})`,
  )
  const lines = transcript(recordingTrial(recording)).map((line) => {
    const seq = /^#(\d+)\b/.exec(line)?.[1]
    return `${seq !== undefined && offending.has(Number(seq)) ? '✗' : ' '} ${line}`
  })
  const curl = ce.curl.map((command, index) =>
    offending.has(index + 1) ? `# ✗ request #${index + 1}: breaks the rule\n${command}` : command,
  )
  const out = [
    `# ${title}`,
    '',
    `**Client:** ${markdownText(ce.client)}${ce.clientDescription ? ` (${markdownText(ce.clientDescription)})` : ''}  `,
    `**Found by:** mcp-auth-harness ${recording.metadata.toolVersion}, ${ce.phase ?? 'random'} phase, seed ${ce.seed}, path ${markdownText(ce.path)}${ce.label ? ` (${markdownText(ce.label)})` : ''}, shrunk in ${ce.shrinks} step(s)  `,
    `**Transport:** ${recording.config.transport}; **outcome of the session:** ${markdownText(ce.outcome)}`,
    '',
    `## The rule (${level})`,
    '',
    `> ${markdownText(ce.statement)}`,
    '',
    ...ruleSource(ce.property),
    '',
    '## What the client did',
    '',
    ...ce.violations.map((v) => `- ${markdownText(v.message)}`),
    '',
    `Configured: ${markdownText(recording.config.url)} with header(s) ${Object.keys(recording.config.headers).map(markdownText).join(', ') || '(none)'}${recording.config.oauthClientId ? `, pre-registered OAuth client ${markdownText(recording.config.oauthClientId)}` : ''}. Secrets are replaced by placeholders.`,
    '',
    '## Minimal transcript (✗ marks the requests that break the rule)',
    '',
    ...fenced(lines),
    '',
    '## The requests as curl',
    '',
    ...fenced(curl, 'sh'),
    '',
    '## Reproduce',
    '',
    ...fenced(
      [
        `# the search that finds it again (mock servers on loopback; no network needed):`,
        ce.reproduce,
        `# this exact counterexample against the client, live (FIXED or STILL FAILING):`,
        `npx mcp-auth-harness replay ${file}`,
      ],
      'sh',
    ),
    '',
  ]
  return recordingRedactor(recording).apply(out.join('\n'))
}
