import { recordedHeader } from '../recording/exchange-codec.js'
import type { Recording, RecordedExchange } from '../recording/recording.js'
import { isAsMetadataPath } from '../spec/well-known.js'

/** An authorization server's own endpoints (besides its metadata). */
const AS_ENDPOINT = /\/(authorize|token|register)\/?$/

function isAsServerPath(path: string): boolean {
  return isAsMetadataPath(path) || AS_ENDPOINT.test(path)
}

/** A lane of the diagram besides the client: an origin the client talked to. */
export interface Participant {
  /** `M` for the MCP server, `O1`, `O2`, … for the others in order of first contact. */
  id: string
  role: 'MCP server' | 'Authorization server' | 'Other origin'
  origin: string
}

/** One request and its answer, as the diagrams draw them. */
export interface SequenceStep {
  seq: number
  participant: Participant
  /** `#3 POST /mcp (tools/call)`. */
  request: string
  /** `401 Bearer resource_metadata="…"`, `200 (3 SSE events)`, or `no response: …`. */
  response: string
  /** The violation messages that name this exchange; empty when none does. */
  violations: string[]
}

export interface SequenceModel {
  participants: Participant[]
  steps: SequenceStep[]
}

function rpcMethod(exchange: RecordedExchange): string | undefined {
  const method = (exchange.request.json as { method?: unknown } | undefined)?.method
  return typeof method === 'string' ? method : undefined
}

/** The participants: the MCP server's origin, then each other origin by what the client asked it. */
function participantsOf(recording: Recording): Map<string, Participant> {
  const mcp = new URL(recording.config.url).origin
  const out = new Map<string, Participant>([[mcp, { id: 'M', role: 'MCP server', origin: mcp }]])
  let n = 0
  for (const exchange of recording.exchanges) {
    const url = new URL(exchange.request.url)
    if (out.has(url.origin)) continue
    n += 1
    const asLike = recording.exchanges.some(
      (e) => e.request.url.startsWith(url.origin) && isAsServerPath(new URL(e.request.url).pathname),
    )
    out.set(url.origin, { id: `O${n}`, role: asLike ? 'Authorization server' : 'Other origin', origin: url.origin })
  }
  return out
}

function describeResponse(exchange: RecordedExchange): string {
  if (!exchange.response) return `no response${exchange.error ? `: ${exchange.error}` : ''}`
  const challenge = recordedHeader(exchange.response.headers, 'www-authenticate')
  const events = exchange.response.events
  return `${exchange.response.status}${challenge ? ` ${challenge}` : ''}${events ? ` (${events.length} SSE events)` : ''}`
}

/**
 * A recording's traffic as lanes and steps, for the sequence diagrams (Mermaid in Markdown, SVG in
 * HTML): who the client talked to, in order, and which exchanges a violation names.
 *
 * @example
 * const { participants, steps } = sequenceModel(recording, recording.counterexample!.violations)
 * steps.filter((step) => step.violations.length > 0) // the offending requests
 */
export function sequenceModel(
  recording: Recording,
  violations: ReadonlyArray<{ exchange?: number; message: string }>,
): SequenceModel {
  const participants = participantsOf(recording)
  const bySeq = new Map<number, string[]>()
  for (const v of violations) if (v.exchange !== undefined) bySeq.set(v.exchange, [...(bySeq.get(v.exchange) ?? []), v.message])
  const steps = recording.exchanges.map((exchange): SequenceStep => {
    const url = new URL(exchange.request.url)
    const rpc = rpcMethod(exchange)
    return {
      seq: exchange.seq,
      participant: participants.get(url.origin)!,
      request: `#${exchange.seq} ${exchange.request.method} ${url.pathname}${rpc ? ` (${rpc})` : ''}`,
      response: describeResponse(exchange),
      violations: bySeq.get(exchange.seq) ?? [],
    }
  })
  return { participants: [...participants.values()], steps }
}
