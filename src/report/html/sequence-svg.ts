import type { Recording } from '../../recording/recording.js'
import { sequenceModel, type Participant } from '../sequence-model.js'
import { html, type SafeHtml } from './html.js'

/** Requests drawn at most; the exchange list below the diagram still has every one. */
const MAX_STEPS = 60
const LANE_GAP = 300
const LEFT = 140
const HEAD_HEIGHT = 52
const ROW = 56
const NOTE_LINE = 16
/** Average width of a 12px sans-serif character: enough to cut labels before they cross a lane. */
const CHAR_WIDTH = 6.4
/** The same for the bold violation notes. */
const NOTE_CHAR_WIDTH = 7.4
/** Room for a violation note even when the client talked to one origin only. */
const MIN_WIDTH = 760

function cut(text: string, width: number): string {
  const max = Math.max(8, Math.floor(width / CHAR_WIDTH))
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/** Long violation notes wrapped into lines that fit the diagram's width. */
function wrap(text: string, width: number): string[] {
  const max = Math.max(20, Math.floor(width / NOTE_CHAR_WIDTH))
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > max) {
      lines.push(line)
      line = ''
    }
    line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  const cutNote = (l: string) => (l.length > max ? `${l.slice(0, max - 1)}…` : l)
  return lines.slice(0, 4).map((l, i) => (i === 3 && lines.length > 4 ? `${cutNote(l).replace(/…?$/, '')}…` : cutNote(l)))
}

function laneHead(x: number, title: string, origin: string): SafeHtml {
  return html`<g class="lane-head"><rect x="${x - 130}" y="4" width="260" height="${HEAD_HEIGHT - 10}" rx="6"></rect><text x="${x}" y="22" text-anchor="middle" class="lane-title">${title}</text><text x="${x}" y="38" text-anchor="middle" class="lane-origin">${cut(origin, 250)}</text></g>`
}

/**
 * A recording's traffic as an inline SVG sequence diagram: a lane for the client and one per
 * origin (MCP server, authorization server, others), a solid arrow per request and a dashed one
 * per answer. Requests a violation names are on a red band with the violation as a note. Every
 * arrow links to `#PREFIX-xSEQ`, the request's details in the page.
 *
 * Drawn here rather than by Mermaid in the page: Mermaid needs a DOM and ~3 MB of script per file,
 * and a sequence diagram is lanes and arrows.
 *
 * @example
 * const svg = sequenceSvg(recording, recording.counterexample!.violations, 'finding-x')
 */
export function sequenceSvg(
  recording: Recording,
  violations: ReadonlyArray<{ exchange?: number; message: string }>,
  linkPrefix: string,
): SafeHtml {
  const { participants, steps } = sequenceModel(recording, violations)
  const laneX = new Map<Participant, number>(participants.map((p, i) => [p, LEFT + LANE_GAP * (i + 1)]))
  const width = Math.max(MIN_WIDTH, LEFT + LANE_GAP * participants.length + 150)
  const noteWidth = width - 40
  const shown = steps.slice(0, MAX_STEPS)
  const rows: SafeHtml[] = []
  let y = HEAD_HEIGHT + 24
  for (const step of shown) {
    const x = laneX.get(step.participant)!
    const span = x - LEFT
    const flagged = step.violations.length > 0
    const notes = flagged ? wrap(`✗ ${step.violations.join(' / ')}`, noteWidth - 16) : []
    const height = ROW + notes.length * NOTE_LINE + (flagged ? 8 : 0)
    const mid = LEFT + span / 2
    const answerY = y + 26
    rows.push(
      html`<a href="#${linkPrefix}-x${step.seq}" class="step${flagged ? ' flagged' : ''}" data-seq="${step.seq}"><title>${step.request} → ${step.response}${flagged ? ` — ${step.violations.join(' / ')}` : ''}</title>${
        flagged ? html`<rect class="band" x="10" y="${y - 18}" width="${width - 20}" height="${height - 4}" rx="4"></rect>` : ''
      }<rect class="hit" x="${LEFT}" y="${y - 16}" width="${span}" height="44"></rect><text x="${mid}" y="${y - 5}" text-anchor="middle" class="request">${cut(step.request, span - 12)}</text><line x1="${LEFT}" y1="${y}" x2="${x - 2}" y2="${y}" class="arrow" marker-end="url(#${linkPrefix}-head)"></line><text x="${mid}" y="${answerY - 5}" text-anchor="middle" class="response">${cut(step.response, span - 12)}</text><line x1="${x}" y1="${answerY}" x2="${LEFT + 2}" y2="${answerY}" class="answer" marker-end="url(#${linkPrefix}-head)"></line>${notes.map(
        (note, i) => html`<text x="20" y="${answerY + 20 + i * NOTE_LINE}" class="note">${note}</text>`,
      )}</a>`,
    )
    y += height
  }
  if (steps.length > shown.length) {
    rows.push(html`<text x="20" y="${y}" class="more">… ${steps.length - shown.length} more requests: see the list below</text>`)
    y += ROW / 2
  }
  const height = y + 10
  const flaggedCount = steps.filter((s) => s.violations.length > 0).length
  const label = `Sequence diagram: ${steps.length} requests from the client to ${participants.map((p) => `${p.role} ${p.origin}`).join(', ')}; ${flaggedCount} marked as violating`
  return html`<svg class="sequence" xmlns="http://www.w3.org/2000/svg" role="group" aria-label="${label}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><defs><marker id="${linkPrefix}-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z"></path></marker></defs>${[
    LEFT,
    ...laneX.values(),
  ].map(
    (x) => html`<line x1="${x}" y1="${HEAD_HEIGHT}" x2="${x}" y2="${height - 6}" class="lifeline"></line>`,
  )}${laneHead(LEFT, 'Client', recording.metadata.client)}${participants.map((p) =>
    laneHead(laneX.get(p)!, p.role, p.origin),
  )}${rows}</svg>`
}
