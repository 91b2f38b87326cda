import type { Recording } from '../recording/recording.js'
import { sequenceModel } from './sequence-model.js'

/** Exchanges drawn at most; a long loop is summarised after that. */
const MAX_EXCHANGES = 40

/** Text safe inside a Mermaid message: no statement breaks, no entity or HTML starts. */
function label(text: string, max = 90): string {
  const clean = text
    .replace(/[\r\n]+/g, ' ')
    .replace(/;/g, ',')
    .replace(/#/g, '#35;')
    .replace(/</g, '‹')
    .replace(/>/g, '›')
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean
}

/**
 * A counterexample's traffic as a Mermaid sequence diagram (client, MCP server, authorization
 * server, any other origin). Exchanges a violation names are boxed in red with the violation as a
 * note, so the missing header or the premature discovery request stands out.
 *
 * @example
 * const diagram = sequenceDiagram(recording, recording.counterexample!.violations)
 * // 'sequenceDiagram\n  participant C as Client\n  …'
 */
export function sequenceDiagram(recording: Recording, violations: ReadonlyArray<{ exchange?: number; message: string }>): string {
  const { participants, steps } = sequenceModel(recording, violations)
  const lines = [
    'sequenceDiagram',
    '  participant C as Client',
    ...participants.map((p) => `  participant ${p.id} as ${p.role}<br/>${p.origin}`),
  ]
  for (const step of steps.slice(0, MAX_EXCHANGES)) {
    const target = step.participant.id
    const flagged = step.violations.length > 0
    if (flagged) lines.push('  rect rgb(255, 214, 214)')
    lines.push(`  C->>${target}: ${label(step.request)}`)
    lines.push(`  ${target}-->>C: ${label(step.response, 70)}`)
    if (flagged) {
      lines.push(`  Note over C,${target}: ✗ ${label(step.violations.join(' / '), 120)}`)
      lines.push('  end')
    }
  }
  if (steps.length > MAX_EXCHANGES) lines.push(`  Note over C,M: … ${steps.length - MAX_EXCHANGES} more requests`)
  return lines.join('\n')
}
