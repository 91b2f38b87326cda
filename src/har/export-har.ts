import { decodeExchange, recordedHeader } from '../recording/exchange-codec.js'
import type { Recording } from '../recording/recording.js'
import type { SseEvent } from '../core/exchange.js'
import { TOOL_NAME, TOOL_VERSION } from '../version.js'
import type { Har, HarEntry } from './har-schema.js'

function nameValues(headers: Array<[string, string]> | undefined): Array<{ name: string; value: string }> {
  return (headers ?? []).map(([name, value]) => ({ name, value }))
}

/** Events back to `text/event-stream` text, so devtools show the stream as it came. */
function eventStreamText(events: readonly SseEvent[]): string {
  return events
    .map((e) =>
      [
        e.event && `event: ${e.event}`,
        e.id !== undefined && `id: ${e.id}`,
        e.retry !== undefined && `retry: ${e.retry}`,
        ...e.data.split('\n').map((l) => `data: ${l}`),
      ]
        .filter(Boolean)
        .join('\n'),
    )
    .map((block) => `${block}\n\n`)
    .join('')
}

/**
 * A recording as HAR 1.2, to open in browser devtools or other HTTP tools. Times are synthetic
 * (one millisecond per step of the recorded order, from `recordedAt`); what HAR cannot hold
 * (order, SSE event times, errors) goes in the `_mcpAuthHarness` extension field.
 *
 * @example
 * writeFileSync('x.har', JSON.stringify(exportHar(await loadRecording('recordings/x.json')), null, 2))
 */
export function exportHar(recording: Recording): Har {
  const base = Date.parse(recording.metadata.recordedAt) || 0
  const entries: HarEntry[] = recording.exchanges.map((recorded) => {
    const exchange = decodeExchange(recorded)
    const url = new URL(exchange.url)
    const requestType =
      recordedHeader(recorded.request.headers, 'content-type') ??
      (recorded.request.json !== undefined ? 'application/json' : 'text/plain')
    const responseType = (recorded.response && recordedHeader(recorded.response.headers, 'content-type')) ?? ''
    const text = exchange.events ? eventStreamText(exchange.events) : (exchange.responseBody ?? '')
    const waited = (recorded.order.response ?? recorded.order.request) - recorded.order.request
    return {
      startedDateTime: new Date(base + recorded.order.request).toISOString(),
      time: waited,
      request: {
        method: exchange.method,
        url: exchange.url,
        httpVersion: 'HTTP/1.1',
        headers: nameValues(exchange.requestHeaders),
        queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
        cookies: [],
        headersSize: -1,
        bodySize: exchange.requestBody === undefined ? 0 : new TextEncoder().encode(exchange.requestBody).length,
        ...(exchange.requestBody === undefined ? {} : { postData: { mimeType: requestType, text: exchange.requestBody } }),
      },
      response: {
        status: exchange.status ?? 0,
        statusText: '',
        httpVersion: 'HTTP/1.1',
        headers: nameValues(exchange.responseHeaders),
        cookies: [],
        content: { size: new TextEncoder().encode(text).length, mimeType: responseType, text },
        redirectURL: (recorded.response && recordedHeader(recorded.response.headers, 'location')) ?? '',
        headersSize: -1,
        bodySize: -1,
      },
      cache: {},
      timings: { send: 0, wait: waited, receive: 0 },
      _mcpAuthHarness: {
        seq: recorded.seq,
        order: recorded.order,
        ...(exchange.events ? { events: exchange.events } : {}),
        ...(recorded.error === undefined ? {} : { error: recorded.error }),
      },
    }
  })
  return { log: { version: '1.2', creator: { name: TOOL_NAME, version: TOOL_VERSION }, entries } }
}
