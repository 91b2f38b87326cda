// A web-standard `(Request) => Response` handler on a real socket, through `node:http` (which Node
// and Deno both provide). The only place that knows about IncomingMessage and ServerResponse.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'

export interface RunningHttpServer {
  /** `http://127.0.0.1:PORT`: the origin clients connect to. */
  origin: string
  port: number
  close(): Promise<void>
}

export type FetchHandler = (request: Request) => Promise<Response>

function toRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Request {
  const headers = new Headers()
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!)
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  return new Request(new URL(req.url ?? '/', origin), {
    method: req.method ?? 'GET',
    headers,
    signal,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  } as RequestInit)
}

async function sendResponse(response: Response, res: ServerResponse): Promise<void> {
  // `Response.error()` is a network error in fetch terms: on a socket, the connection just drops.
  if (response.type === 'error') return void res.destroy()
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    if (name === 'set-cookie') return
    headers[name] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers['set-cookie'] = cookies
  res.writeHead(response.status, response.statusText, headers)
  res.flushHeaders()
  if (!response.body) return void res.end()
  const reader = response.body.getReader()
  res.on('close', () => void reader.cancel().catch(() => undefined))
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>
    try {
      chunk = await reader.read()
    } catch {
      // The body failed mid-way (a proxied upstream cut it): the client sees the same cut, a
      // connection closed before the body's end, not an error text appended to half a body.
      return void res.destroy()
    }
    if (chunk.done) return void res.end()
    res.write(chunk.value)
  }
}

/**
 * Serves a fetch-style handler on `host:port` (port 0 picks a free one).
 *
 * @example
 * const server = await serveFetch(async (request) => new Response('hi'), { host: '127.0.0.1', port: 0 })
 * console.log(server.origin)
 * await server.close()
 */
export async function serveFetch(handler: FetchHandler, options: { host: string; port: number }): Promise<RunningHttpServer> {
  let origin = ''
  const server = createServer((req, res) => {
    const controller = new AbortController()
    res.on('close', () => controller.abort())
    handler(toRequest(req, origin, controller.signal))
      .then((response) => sendResponse(response, res))
      .catch((error: unknown) => {
        if (res.headersSent) return void res.destroy()
        res.writeHead(502, { 'content-type': 'text/plain' })
        res.end(`mcp-auth-harness: ${error instanceof Error ? error.message : String(error)}`)
      })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  origin = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`
  return {
    origin,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
