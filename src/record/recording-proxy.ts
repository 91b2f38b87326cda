import { serveFetch, type RunningHttpServer } from '../runtime/http-server.js'
import { TrafficLog } from '../traffic/traffic-log.js'
import { rewriteOriginInStream } from '../traffic/rewrite-origin.js'

/** Hop-by-hop headers (RFC 9110 §7.6.1) and those a decoded body no longer matches. */
const NOT_FORWARDED = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'host',
  'content-length',
])
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
 * query) and records each exchange as the client sent it, with the upstream URL, so the recording
 * reads as if the client had talked to the upstream directly.
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
  const server = await serveFetch(async (incoming) => {
    const id = String(++counter)
    const { pathname, search } = new URL(incoming.url)
    const headers = new Headers()
    incoming.headers.forEach((value, name) => {
      if (!NOT_FORWARDED.has(name)) headers.set(name, value)
    })
    const hasBody = incoming.method !== 'GET' && incoming.method !== 'HEAD'
    const outgoing = new Request(`${upstreamUrl.origin}${pathname}${search}`, {
      method: incoming.method,
      headers,
      redirect: 'manual',
      signal: incoming.signal,
      ...(hasBody ? { body: await incoming.arrayBuffer() } : {}),
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
      if (!NOT_RETURNED.has(name))
        // append, not set: each Set-Cookie is its own header and none may overwrite another.
        returned.append(name, name === 'location' ? value.split(upstreamUrl.origin).join(proxyOrigin) : value)
    })
    const isEventStream = response.headers.get('content-type')?.includes('text/event-stream') ?? false
    const body =
      response.body && isEventStream ? rewriteOriginInStream(response.body, upstreamUrl.origin, proxyOrigin) : response.body
    return new Response(body, { status: response.status, statusText: response.statusText, headers: returned })
  }, listen)
  proxyOrigin = server.origin
  return {
    clientUrl: `${server.origin}${upstreamUrl.pathname}${upstreamUrl.search}`,
    log,
    server,
    close: () => server.close(),
  }
}
