import type { Trial } from '../runner/trial.js'
import { headerValue, jsonRpcMethod, type Exchange } from '../traffic/exchange.js'

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
