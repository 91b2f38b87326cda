import { describeSource } from '../property/property.js'
import type { Judgement } from '../property/judge.js'
import type { Trial } from '../core/trial.js'
import { transcript } from './transcript.js'

const VERDICT_TEXT = { held: 'held', violated: 'VIOLATED', 'not-exercised': 'not exercised' } as const

/**
 * The verdict of every property over one trial, then the transcript and each violation (naming its
 * exchange) when something failed.
 */
export function judgementReport(trial: Trial, judgements: readonly Judgement[]): string {
  // As wide as the longest id and two spaces: a column that runs into the verdict is one word.
  const width = Math.max(34, ...judgements.map((j) => j.property.id.length + 2))
  const lines = judgements.map((j) => `  ${j.property.id.padEnd(width)}${VERDICT_TEXT[j.verdict]}`)
  const violated = judgements.filter((j) => j.verdict === 'violated')
  if (violated.length > 0) {
    lines.push('', 'traffic:', ...transcript(trial).map((line) => `  ${line}`))
    for (const j of violated) {
      lines.push(
        '',
        `✗ ${j.property.id} [${j.property.level}] ${j.property.statement}`,
        `  source: ${describeSource(j.property.source)}`,
      )
      lines.push(...j.violations.map((v) => `  - ${v.message}`))
    }
  }
  return lines.join('\n')
}
