import type { Trial } from '../core/trial.js'
import { headerValue, jsonRpcMethod, type Exchange } from '../core/exchange.js'
import { isAsMetadataPath, isPrmPath } from '../spec/well-known.js'

/** Response headers worth seeing in an auth transcript. */
const RESPONSE_HEADERS = ['www-authenticate', 'mcp-session-id', 'location']

function configuredHeaderState(exchange: Exchange, name: string, value: string): string {
  const sent = headerValue(exchange.requestHeaders, name)
  if (sent === undefined) return `${name}: ABSENT`
  return sent === value ? `${name}: sent` : `${name}: WRONG VALUE`
}

/**
 * One line per exchange: method, URL, JSON-RPC method, status, whether each configured header was
 * sent (values are never printed), and the auth-relevant response headers.
 *
 * @example
 * transcript(trial) // ['#1 POST http://mcp.test/mcp (initialize) → 401 [X-API-Key: ABSENT] www-authenticate: Bearer']
 */
export function transcript(trial: Trial): string[] {
  return collapseLoops(trial.exchanges, exchangeLines(trial))
}

/** A loop repeated at least this many times is printed once, then counted. */
const MIN_REPEATS = 3
/** The longest request cycle looked for (GET 401 → PRM → AS metadata → register → authorize → token). */
const MAX_CYCLE = 8

/** What an exchange is, without its ids: two rounds of a loop have the same shapes. */
function shape(exchange: Exchange): string {
  const path = exchange.url.replace(/^[a-z]+:\/\/[^/]+/i, '').split('?')[0]!
  const role = isPrmPath(path)
    ? 'PRM'
    : isAsMetadataPath(path)
      ? 'AS metadata'
      : (/\/(token|register|authorize)$/.exec(path)?.[1] ?? jsonRpcMethod(exchange.requestBody) ?? path)
  return `${exchange.method} ${role} ${exchange.status ?? 'no response'}`
}

/**
 * Transcript lines with each loop (the same cycle of requests repeated MIN_REPEATS times or more)
 * shown once and then summed up: `#13–#500: 122 × more of GET mcp 401 → GET PRM 200 → …`.
 */
function collapseLoops(exchanges: readonly Exchange[], lines: readonly string[]): string[] {
  const shapes = exchanges.map(shape)
  const out: string[] = []
  let i = 0
  while (i < shapes.length) {
    let best = { length: 0, repeats: 1 }
    for (let length = 1; length <= MAX_CYCLE && i + length * MIN_REPEATS <= shapes.length; length++) {
      let repeats = 1
      while (
        i + (repeats + 1) * length <= shapes.length &&
        shapes.slice(i + repeats * length, i + (repeats + 1) * length).every((s, k) => s === shapes[i + k])
      )
        repeats++
      if (repeats >= MIN_REPEATS && repeats * length > best.repeats * best.length) best = { length, repeats }
    }
    if (best.length === 0) {
      out.push(lines[i]!)
      i++
      continue
    }
    out.push(...lines.slice(i, i + best.length))
    const first = exchanges[i + best.length]!.seq
    const last = exchanges[i + best.repeats * best.length - 1]!.seq
    const cycle = shapes.slice(i, i + best.length).join(' → ')
    out.push(`#${first}–#${last}: ${best.repeats - 1} × more of the same: ${cycle}`)
    i += best.repeats * best.length
  }
  return out
}

function exchangeLines(trial: Trial): string[] {
  return trial.exchanges.map((exchange) => {
    const rpc = jsonRpcMethod(exchange.requestBody)
    const status = exchange.status ?? (exchange.error ? `no response (${exchange.error})` : 'no response')
    const sent = Object.entries(trial.config.headers).map(([name, value]) => configuredHeaderState(exchange, name, value))
    const received = RESPONSE_HEADERS.flatMap((name) => {
      const value = headerValue(exchange.responseHeaders, name)
      return value === undefined ? [] : [`${name}: ${value}`]
    })
    const events = exchange.events ? ` (${exchange.events.length} SSE event${exchange.events.length === 1 ? '' : 's'})` : ''
    return [
      `#${exchange.seq} ${exchange.method} ${exchange.url}${rpc ? ` (${rpc})` : ''} → ${status}${events}`,
      sent.length > 0 ? `[${sent.join(', ')}]` : '',
      ...received,
    ]
      .filter(Boolean)
      .join('  ')
  })
}
