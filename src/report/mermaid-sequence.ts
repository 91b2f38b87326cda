import { recordedHeader } from '../recording/exchange-codec.js'
import type { Recording, RecordedExchange } from '../recording/recording.js'
import { isAsMetadataPath } from '../spec/well-known.js'

/** Exchanges drawn at most; a long loop is summarised after that. */
const MAX_EXCHANGES = 40

/** An authorization server's own endpoints (besides its metadata). */
const AS_ENDPOINT = /\/(authorize|token|register)\/?$/

function isAsServerPath(path: string): boolean {
  return isAsMetadataPath(path) || AS_ENDPOINT.test(path)
}

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

function rpcMethod(exchange: RecordedExchange): string | undefined {
  const method = (exchange.request.json as { method?: unknown } | undefined)?.method
  return typeof method === 'string' ? method : undefined
}

/** The participants: the MCP server's origin, then each other origin by what the client asked it. */
function participants(recording: Recording): Map<string, { id: string; title: string }> {
  const mcp = new URL(recording.config.url).origin
  const out = new Map([[mcp, { id: 'M', title: `MCP server<br/>${mcp}` }]])
  let n = 0
  for (const exchange of recording.exchanges) {
    const url = new URL(exchange.request.url)
    if (out.has(url.origin)) continue
    n += 1
    const asLike = recording.exchanges.some(
      (e) => e.request.url.startsWith(url.origin) && isAsServerPath(new URL(e.request.url).pathname),
    )
    out.set(url.origin, { id: `O${n}`, title: `${asLike ? 'Authorization server' : 'Other origin'}<br/>${url.origin}` })
  }
  return out
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
  const parts = participants(recording)
  const lines = [
    'sequenceDiagram',
    '  participant C as Client',
    ...[...parts.values()].map((p) => `  participant ${p.id} as ${p.title}`),
  ]
  const bySeq = new Map<number, string[]>()
  for (const v of violations) if (v.exchange !== undefined) bySeq.set(v.exchange, [...(bySeq.get(v.exchange) ?? []), v.message])
  for (const exchange of recording.exchanges.slice(0, MAX_EXCHANGES)) {
    const url = new URL(exchange.request.url)
    const target = parts.get(url.origin)!.id
    const rpc = rpcMethod(exchange)
    const request = `#${exchange.seq} ${exchange.request.method} ${url.pathname}${rpc ? ` (${rpc})` : ''}`
    const response = exchange.response
      ? `${exchange.response.status}${recordedHeader(exchange.response.headers, 'www-authenticate') ? ` ${recordedHeader(exchange.response.headers, 'www-authenticate')}` : ''}${exchange.response.events ? ` (${exchange.response.events.length} SSE events)` : ''}`
      : `no response${exchange.error ? `: ${exchange.error}` : ''}`
    const flagged = bySeq.get(exchange.seq)
    if (flagged) lines.push('  rect rgb(255, 214, 214)')
    lines.push(`  C->>${target}: ${label(request)}`)
    lines.push(`  ${target}-->>C: ${label(response, 70)}`)
    if (flagged) {
      lines.push(`  Note over C,${target}: ✗ ${label(flagged.join(' / '), 120)}`)
      lines.push('  end')
    }
  }
  if (recording.exchanges.length > MAX_EXCHANGES)
    lines.push(`  Note over C,M: … ${recording.exchanges.length - MAX_EXCHANGES} more requests`)
  return lines.join('\n')
}
