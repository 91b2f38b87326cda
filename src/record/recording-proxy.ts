import { serveFetch, type RunningHttpServer } from '../runtime/http-server.js'
import { TrafficLog } from '../traffic/traffic-log.js'
import { HOP_BY_HOP } from '../traffic/hop-by-hop.js'
import { rewriteOriginInStream, rewriteOriginInText } from '../traffic/rewrite-origin.js'

/** Hop-by-hop headers, `Host` (the upstream's is set by fetch) and the length a decoded body no longer matches. */
const NOT_FORWARDED = new Set([...HOP_BY_HOP, 'host', 'content-length'])
const NOT_RETURNED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-encoding', 'content-length'])

export interface RecordingProxy {
  /** Where clients connect: the proxy origin plus the upstream's path. */
  clientUrl: string
  log: TrafficLog
  server: RunningHttpServer
  close(): Promise<void>
}

/**
 * A reverse proxy on a local port that forwards every request to `upstream`'s origin (same path and
 * query) and records each exchange with the upstream URL, so the recording reads as if the client
 * had talked to the upstream directly.
 *
 * The upstream's own URLs are rewritten both ways, so a compliant client can complete OAuth
 * through it: in answers the upstream origin becomes the proxy's (PRM `resource`,
 * `resource_metadata`, AS metadata endpoints, `Location`, SSE `endpoint` events), and in requests
 * the proxy's origin becomes the upstream's again (the `resource` parameter, any URL the client
 * echoes). What is recorded is the upstream's side of both, so `check` judges the session against
 * the server the client was really for. An authorization server on another origin is not proxied:
 * `record --forward-proxy` records every origin.
 *
 * @example
 * const proxy = await startRecordingProxy('https://real.example/mcp', { host: '127.0.0.1', port: 8111 })
 * // point the client at proxy.clientUrl, then:
 * await proxy.close(); console.log(proxy.log.exchanges.length)
 */
export async function startRecordingProxy(upstream: string, listen: { host: string; port: number }): Promise<RecordingProxy> {
  const upstreamUrl = new URL(upstream)
  // A recording never drops requests: the 500-request cap is fuzz's loop guard, not the proxy's.
  const log = new TrafficLog(Infinity)
  let counter = 0
  let proxyOrigin = ''
  const toUpstream = (text: string) => rewriteOriginInText(text, proxyOrigin, upstreamUrl.origin)
  const toClient = (text: string) => rewriteOriginInText(text, upstreamUrl.origin, proxyOrigin)
  const server = await serveFetch(async (incoming) => {
    const id = String(++counter)
    const { pathname, search } = new URL(incoming.url)
    const headers = new Headers()
    incoming.headers.forEach((value, name) => {
      if (!NOT_FORWARDED.has(name)) headers.append(name, toUpstream(value))
    })
    const hasBody = incoming.method !== 'GET' && incoming.method !== 'HEAD'
    const body = hasBody ? await incoming.arrayBuffer() : undefined
    const outgoing = new Request(`${upstreamUrl.origin}${pathname}${toUpstream(search)}`, {
      method: incoming.method,
      headers,
      redirect: 'manual',
      signal: incoming.signal,
      ...(body === undefined ? {} : { body: isText(headers) ? toUpstream(new TextDecoder().decode(body)) : body }),
    })
    log.onRequest(id, outgoing)
    let response: Response
    try {
      response = await fetch(outgoing)
    } catch (error) {
      log.onError(id, `upstream unreachable: ${error instanceof Error ? error.message : String(error)}`)
      throw error
    }
    log.onResponse(id, response)
    const returned = new Headers()
    response.headers.forEach((value, name) => {
      // append, not set: each Set-Cookie is its own header and none may overwrite another.
      if (!NOT_RETURNED.has(name)) returned.append(name, toClient(value))
    })
    const init = { status: response.status, statusText: response.statusText, headers: returned }
    if (!response.body) return new Response(null, init)
    if (isEventStream(response.headers))
      return new Response(rewriteOriginInStream(response.body, upstreamUrl.origin, proxyOrigin), init)
    // Other text (JSON metadata, error pages) is finite: read whole, so no origin is split across chunks.
    if (isText(response.headers)) return new Response(toClient(await response.text()), init)
    return new Response(response.body, init)
  }, listen)
  proxyOrigin = server.origin
  return {
    clientUrl: `${server.origin}${upstreamUrl.pathname}${upstreamUrl.search}`,
    log,
    server,
    close: () => server.close(),
  }
}

function isEventStream(headers: Headers): boolean {
  return headers.get('content-type')?.includes('text/event-stream') ?? false
}

/** Bodies the proxy rewrites origins in: JSON, forms, text; a body without a type is treated as text too. */
function isText(headers: Headers): boolean {
  const type = headers.get('content-type')
  return type === null || /json|x-www-form-urlencoded|^text\//i.test(type)
}
