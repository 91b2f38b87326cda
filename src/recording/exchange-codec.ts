import type { Exchange } from '../core/exchange.js'
import type { RecordedBody, RecordedExchange, RecordedHeaders } from './recording.js'
import { MAX_JSON_DEPTH, NOT_JSON, nestedDeeperThan, parseJsonOr } from '../core/json.js'

/** Headers a decoded body no longer matches; dropped when storing (DESIGN: record decoded bodies). */
const BODY_ENCODING_HEADERS = new Set(['content-encoding', 'content-length', 'transfer-encoding'])

/**
 * An empty body is stored as no body: HTTP, and HAR, do not tell the two apart. JSON nested absurdly
 * deep stays text: as a value it would overflow every recursive walk after it.
 */
function body(text: string | undefined): RecordedBody {
  if (text === undefined || text === '') return {}
  const json = parseJsonOr(text, NOT_JSON)
  return json === NOT_JSON || nestedDeeperThan(json, MAX_JSON_DEPTH) ? { text } : { json }
}

/**
 * Headers as a sorted object. A name that occurs more than once keeps every value, in order, as an
 * array: `Set-Cookie` is the one header Fetch never joins, and a later cookie must not erase an
 * earlier one.
 */
function headerObject(headers: Array<[string, string]> | undefined, drop?: Set<string>): RecordedHeaders {
  const object: RecordedHeaders = {}
  const kept = (headers ?? []).filter(([name]) => !drop?.has(name.toLowerCase()))
  for (const [name, value] of kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const before = object[name]
    object[name] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value]
  }
  return object
}

/** One stored header's value, several values joined with ", " as Fetch does; undefined when absent. */
export function recordedHeader(headers: RecordedHeaders, name: string): string | undefined {
  // Header names are case-insensitive, and a recording keeps them as the client wrote them (`Content-Type`).
  const wanted = name.toLowerCase()
  const key = Object.hasOwn(headers, wanted)
    ? wanted
    : Object.keys(headers).find((candidate) => candidate.toLowerCase() === wanted)
  const value = key === undefined ? undefined : headers[key]
  return Array.isArray(value) ? value.join(', ') : value
}

/** A stored header object back as a header list, one entry per value. */
export function headerEntries(headers: RecordedHeaders): Array<[string, string]> {
  return Object.entries(headers).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((one): [string, string] => [name, one]),
  )
}

/** An Exchange as stored: bodies as JSON when they are JSON, headers sorted, fixed key order. */
export function encodeExchange(exchange: Exchange): RecordedExchange {
  const recorded: RecordedExchange = {
    seq: exchange.seq,
    order:
      exchange.responseTick === undefined
        ? { request: exchange.requestTick }
        : { request: exchange.requestTick, response: exchange.responseTick },
    request: {
      method: exchange.method,
      url: exchange.url,
      headers: headerObject(exchange.requestHeaders),
      ...body(exchange.requestBody),
    },
  }
  if (exchange.status !== undefined) {
    recorded.response = {
      status: exchange.status,
      headers: headerObject(exchange.responseHeaders, BODY_ENCODING_HEADERS),
      ...(exchange.events ? { events: exchange.events.map((e) => ({ ...e })) } : body(exchange.responseBody)),
    }
  }
  if (exchange.error !== undefined) recorded.error = exchange.error
  return recorded
}

function bodyText(recorded: RecordedBody): string | undefined {
  if (recorded.json !== undefined) return JSON.stringify(recorded.json)
  return recorded.text
}

/** A stored exchange back as an Exchange, for `check` and replay. */
export function decodeExchange(recorded: RecordedExchange): Exchange {
  const exchange: Exchange = {
    seq: recorded.seq,
    requestTick: recorded.order.request,
    method: recorded.request.method,
    url: recorded.request.url,
    requestHeaders: headerEntries(recorded.request.headers),
  }
  const requestBody = bodyText(recorded.request)
  if (requestBody !== undefined) exchange.requestBody = requestBody
  if (recorded.order.response !== undefined) exchange.responseTick = recorded.order.response
  const response = recorded.response
  if (response) {
    exchange.status = response.status
    exchange.responseHeaders = headerEntries(response.headers)
    if (response.events) exchange.events = response.events.map((e) => ({ ...e }))
    else {
      const text = bodyText(response)
      if (text !== undefined) exchange.responseBody = text
    }
  }
  if (recorded.error !== undefined) exchange.error = recorded.error
  return exchange
}
