import type { ClientConfig, Transport } from '../core/client-config.js'
import { RecordingError } from '../recording/recording-error.js'
import { validateFile } from '../recording/input-file.js'
import type { Exchange } from '../core/exchange.js'
import { inferTransport } from '../traffic/infer-transport.js'
import { inferMcpUrl } from '../traffic/infer-mcp-url.js'
import { SseParser } from '../traffic/sse-parser.js'
import { harSchema, type HarEntry } from './har-schema.js'

/** Validates a parsed HAR file, naming the file and JSON path of the first problem. */
export function parseHar(value: unknown, file: string) {
  return validateFile(harSchema, value, file, 'HAR file', 'expected HAR 1.2')
}

/** The response body as text; content marked base64 that is not is an input error naming the entry. */
function contentText(entry: HarEntry, index: number, file: string): string | undefined {
  const { text, encoding } = entry.response.content
  if (text === undefined) return undefined
  if (encoding !== 'base64') return text
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text.replace(/\s+/g, '')))
    throw new RecordingError(
      file,
      `$.log.entries[${index}].response.content.text`,
      'encoding is "base64" but the text is not base64',
    )
  return new TextDecoder().decode(Uint8Array.from(atob(text.replace(/\s+/g, '')), (c) => c.charCodeAt(0)))
}

/** HTTP/2 pseudo-headers (`:authority`) are not headers a client configured or sent as such. */
function headerPairs(headers: ReadonlyArray<{ name: string; value: string }>): Array<[string, string]> {
  return headers.filter((h) => !h.name.startsWith(':')).map((h) => [h.name.toLowerCase(), h.value])
}

/**
 * HAR entries as Exchanges. The send/receive order comes from our extension when present, else
 * from the entries' start times and waits (a response arrives at start + send + wait).
 */
export function harExchanges(entries: readonly HarEntry[], file = 'HAR'): Exchange[] {
  const moments: Array<{ at: number; index: number; kind: 'request' | 'response' }> = []
  entries.forEach((entry, index) => {
    const started = Date.parse(entry.startedDateTime)
    const ours = entry._mcpAuthHarness?.order
    moments.push({ at: ours?.request ?? started, index, kind: 'request' })
    if (entry.response.status > 0) {
      moments.push({
        at: ours?.response ?? started + Math.max(entry.timings.send, 0) + Math.max(entry.timings.wait, 0),
        index,
        kind: 'response',
      })
    }
  })
  moments.sort((a, b) => a.at - b.at || (a.kind === b.kind ? a.index - b.index : a.kind === 'request' ? 1 : -1))
  const ticks = new Map<string, number>()
  moments.forEach((m, i) => ticks.set(`${m.kind}${m.index}`, i + 1))

  return entries.map((entry, index) => {
    const exchange: Exchange = {
      seq: index + 1,
      requestTick: ticks.get(`request${index}`)!,
      method: entry.request.method,
      url: entry.request.url,
      requestHeaders: headerPairs(entry.request.headers),
    }
    if (entry.request.postData?.text !== undefined) exchange.requestBody = entry.request.postData.text
    if (entry.response.status > 0) {
      exchange.responseTick = ticks.get(`response${index}`)!
      exchange.status = entry.response.status
      exchange.responseHeaders = headerPairs(entry.response.headers)
      const text = contentText(entry, index, file)
      if (entry._mcpAuthHarness?.events) exchange.events = entry._mcpAuthHarness.events
      else if (entry.response.content.mimeType.includes('text/event-stream'))
        exchange.events = new SseParser().push(`${text ?? ''}\n\n`, 0)
      else if (text !== undefined && text !== '') exchange.responseBody = text
    }
    const error = entry._mcpAuthHarness?.error ?? (entry.response.status === 0 ? 'no response in the HAR file' : undefined)
    if (error !== undefined) exchange.error = error
    return exchange
  })
}

/** The ClientConfig of an imported session: given values win, the rest is inferred from the traffic. */
export function harConfig(
  exchanges: readonly Exchange[],
  file: string,
  given: { url?: string; transport?: Transport; headers: Record<string, string> },
): ClientConfig {
  const url = given.url ?? inferMcpUrl(exchanges)
  if (!url)
    throw new RecordingError(
      file,
      '$.log.entries',
      'no initialize request or SSE endpoint event found: name the MCP server URL with --url',
    )
  // The recording's loader takes only http(s) config URLs: an import it would refuse is refused here.
  if (!/^https?:\/\//i.test(url) || !URL.canParse(url))
    throw new RecordingError(
      file,
      given.url === undefined ? '$.log.entries' : '--url',
      `the MCP server URL ${JSON.stringify(url.slice(0, 80))} is not an http(s) URL`,
    )
  return { transport: given.transport ?? inferTransport(exchanges), url, headers: given.headers }
}
