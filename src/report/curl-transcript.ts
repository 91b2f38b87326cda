import type { RecordedExchange } from '../recording/recording.js'
import { shellQuote } from './shell-quote.js'

/** Headers fetch and curl set themselves: repeating them only adds noise. */
const IMPLIED = new Set(['host', 'content-length', 'connection', 'accept-encoding', 'user-agent', 'sec-fetch-mode'])

/**
 * One recorded request as a `curl` command a person can paste: method, URL, headers, body. Give it
 * a recorded (already redacted) exchange: placeholders stand where secrets were.
 *
 * @example
 * curlCommand(recording.exchanges[0]!)
 * // curl -sS -X POST 'http://mcp.test/mcp' -H 'accept: application/json, text/event-stream' --data-raw '{"jsonrpc":"2.0",…}'
 */
export function curlCommand(exchange: RecordedExchange): string {
  const { method, url, headers, json, text } = exchange.request
  const body = json !== undefined ? JSON.stringify(json) : text
  return [
    'curl -sS',
    ...(method === 'GET' && body === undefined ? [] : [`-X ${method}`]),
    shellQuote(url),
    ...Object.entries(headers)
      .filter(([name]) => !IMPLIED.has(name.toLowerCase()))
      .map(([name, value]) => `-H ${shellQuote(`${name}: ${value}`)}`),
    ...(body === undefined || body === '' ? [] : [`--data-raw ${shellQuote(body)}`]),
  ].join(' ')
}
