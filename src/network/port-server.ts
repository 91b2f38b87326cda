import type { HttpHandler } from 'msw/http'
import { getResponse } from 'msw/utils/get-response'
import { serveFetch, type RunningHttpServer } from '../runtime/http-server.js'
import type { TrafficLog } from '../traffic/traffic-log.js'
import { foreignRequestProblem } from './loopback-guard.js'

/**
 * msw handlers on a real 127.0.0.1 port, with the same Exchange capture as in process: each
 * request is logged as it arrives and each response as it leaves. Handlers and log can be
 * swapped between sessions.
 *
 * @example
 * const port = await startPortServer({ host: '127.0.0.1', port: 0 })
 * port.use(createScenarioServer({ ...scenario, origin: port.origin }).handlers, new TrafficLog())
 */
export interface PortServer {
  origin: string
  port: number
  use(handlers: HttpHandler[], log: TrafficLog): void
  close(): Promise<void>
}

export async function startPortServer(listen: { host: string; port: number }): Promise<PortServer> {
  let handlers: HttpHandler[] = []
  let log: TrafficLog | undefined
  let counter = 0
  let server: RunningHttpServer | undefined
  server = await serveFetch(async (request) => {
    // Refused before the log: a web page's request never joins the judged session.
    const foreign = foreignRequestProblem(request, listen.host)
    if (foreign) return new Response(foreign, { status: 403, headers: { 'content-type': 'text/plain' } })
    const id = String(++counter)
    const current = log
    current?.onRequest(id, request)
    // Past the log's cap a looping client gets a network error, as in process, not more answers.
    if (current?.truncated) return Response.error()
    let response: Response
    try {
      response = (await getResponse(handlers, request, { baseUrl: server!.origin })) ?? new Response('Not Found', { status: 404 })
    } catch (error) {
      response = new Response(`mcp-auth-harness: handler failed: ${error instanceof Error ? error.message : String(error)}`, {
        status: 500,
      })
    }
    current?.onResponse(id, response)
    return response
  }, listen)
  return {
    origin: server.origin,
    port: server.port,
    use(nextHandlers, nextLog) {
      handlers = nextHandlers
      log = nextLog
    },
    close: () => server!.close(),
  }
}
