import { getLocal, type Mockttp } from 'mockttp'
import type { Server, Socket } from 'node:net'
import type { TrafficLog } from '../traffic/traffic-log.js'
import { localCa, type LocalCa } from './local-ca.js'
import { StreamedTraffic } from './streamed-traffic.js'

export interface ForwardProxy {
  /** `http://127.0.0.1:PORT`: what HTTP_PROXY and HTTPS_PROXY point at. */
  url: string
  port: number
  ca: LocalCa
  /** Every exchange of every origin, in the order they happened. */
  log: TrafficLog
  close(): Promise<void>
}

export interface ForwardProxyOptions {
  port: number
  /** Where the local CA lives (default: the per-user cache). */
  caDir?: string
  /** Extra CA certificates (PEM) to trust for upstream servers, besides the system's. */
  upstreamCas?: string[]
}

function isLoopback(address: string | undefined): boolean {
  return address !== undefined && /^(127\.|::1$|::ffff:127\.)/.test(address)
}

/**
 * mockttp binds every interface and takes no address; an intercepting proxy must not serve the
 * network, so connections from anywhere but this machine are closed on arrival.
 */
function acceptLoopbackOnly(proxy: Mockttp): void {
  const server = (proxy as unknown as { server?: Server }).server
  if (!server) throw new Error('mockttp changed: its listening server is not where the loopback guard expects it')
  server.prependListener('connection', (socket: Socket) => {
    if (!isLoopback(socket.remoteAddress)) socket.destroy()
  })
}

/**
 * mockttp prints "Failed to handle request…" on console.error whenever a client closes a
 * connection (the end of every SSE stream); the recording notes real failures on the exchange, so
 * those lines are dropped while the proxy runs. Returns the restore function.
 */
function quietMockttpErrors(): () => void {
  const original = console.error
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('Failed to handle request')) return
    original(...args)
  }
  return () => void (console.error = original)
}

/**
 * An HTTP forward proxy (absolute-form requests and CONNECT) that intercepts TLS with a local CA
 * and records every request to every origin (MCP server, authorization server, registration,
 * token and metadata hosts) in one log, in order, as the client sent it. Bodies and event streams
 * are recorded as they stream; nothing is held back from the client.
 *
 * Built on mockttp (HTTP Toolkit's intercepting proxy): CONNECT, certificate minting and
 * HTTP/1-2 handling are the hard part of such a proxy and it is made and kept for exactly that.
 *
 * @example
 * const proxy = await startForwardProxy({ port: 0 })
 * // run a client with HTTPS_PROXY=proxy.url and NODE_EXTRA_CA_CERTS=proxy.ca.certPath, then:
 * await proxy.close(); console.log(proxy.log.exchanges.length)
 */
export async function startForwardProxy(options: ForwardProxyOptions): Promise<ForwardProxy> {
  const ca = await localCa(options.caDir)
  const proxy = getLocal({ https: { key: ca.key, cert: ca.cert }, recordTraffic: false, http2: 'fallback' })
  const traffic = new StreamedTraffic()
  await proxy.on('request-initiated', (request) =>
    traffic.requestStarted({ id: request.id, method: request.method, url: request.url, rawHeaders: request.rawHeaders }),
  )
  await proxy.on('request-body-data', (data) => traffic.requestData(data.id, data.content, data.isEnded))
  await proxy.on('response-initiated', (response) =>
    traffic.responseStarted({ id: response.id, status: response.statusCode, rawHeaders: response.rawHeaders }),
  )
  await proxy.on('response-body-data', (data) => traffic.responseData(data.id, data.content, data.isEnded))
  await proxy.on('abort', (aborted) =>
    traffic.aborted(aborted.id, aborted.error?.message ?? aborted.error?.code ?? 'the connection closed'),
  )
  await proxy
    .forAnyRequest()
    // A failed upstream connection reaches the client as the failure it is, not as a 502 the
    // recording would mistake for the server's answer.
    .thenPassThrough({
      additionalTrustedCAs: (options.upstreamCas ?? []).map((cert) => ({ cert })),
      simulateConnectionErrors: true,
    })
  await proxy.start(options.port)
  acceptLoopbackOnly(proxy)
  const restoreConsole = quietMockttpErrors()
  return {
    url: `http://127.0.0.1:${proxy.port}`,
    port: proxy.port,
    ca,
    log: traffic.log,
    async close() {
      await proxy.stop()
      restoreConsole()
    },
  }
}

/**
 * The environment that points a client process at the proxy and makes it trust the local CA:
 * Node (`NODE_USE_ENV_PROXY`, `NODE_EXTRA_CA_CERTS`), Python requests/httpx (`REQUESTS_CA_BUNDLE`,
 * `SSL_CERT_FILE`), Go (`SSL_CERT_FILE`), curl, and the usual lower-case spellings.
 */
export function proxyEnvironment(proxy: Pick<ForwardProxy, 'url' | 'ca'>): Record<string, string> {
  return {
    HTTP_PROXY: proxy.url,
    HTTPS_PROXY: proxy.url,
    http_proxy: proxy.url,
    https_proxy: proxy.url,
    NO_PROXY: '',
    no_proxy: '',
    NODE_USE_ENV_PROXY: '1',
    NODE_EXTRA_CA_CERTS: proxy.ca.certPath,
    SSL_CERT_FILE: proxy.ca.certPath,
    REQUESTS_CA_BUNDLE: proxy.ca.certPath,
    CURL_CA_BUNDLE: proxy.ca.certPath,
  }
}
