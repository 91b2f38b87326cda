import type { ClientConfig } from '../core/client-config.js'
import type { Exchange } from '../core/exchange.js'
import type { Judgement } from '../property/judge.js'
import type { Trial } from '../core/trial.js'
import { buildRecording } from '../recording/build-recording.js'
import { trusted } from '../report/html/html.js'
import { htmlReport, reportBody, trafficHtml } from '../report/html/html-report.js'
import type { ReportView } from '../report/html/report-view.js'
import { viewOfJudgedSessions } from '../report/html/judged-sessions-view.js'
import { judgedTrialSession } from '../report/html/trial-session.js'
import { refuseLeaks } from '../report/html/write-html-report.js'
import { filterOutput } from '../runtime/process.js'
import { foreignRequestProblem } from '../network/loopback-guard.js'
import { serveFetch } from '../runtime/http-server.js'

/** Long enough for the last event to reach an open page before the port closes. */
const FLUSH_MS = 300
const FEED = '/events'

export interface LiveView {
  /** `http://127.0.0.1:PORT/`: open it in a browser. */
  url: string
  /** The exchanges answered so far: the page redraws its diagram and request list. */
  update(exchanges: readonly Exchange[]): void
  /** The session's verdicts: the page shows the matrix and the findings. */
  finish(trial: Trial, judgements: readonly Judgement[], status: string): void
  close(): Promise<void>
}

function sseEvent(name: string, data: unknown): Uint8Array {
  // Through the one redaction boundary, as every other output of the process.
  return new TextEncoder().encode(filterOutput(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`, 'html'))
}

/**
 * `serve --ui`: the HTML report live on a port of its own. The page shows each request as it is
 * answered (diagram and details, redacted as everywhere) and the verdicts when the session ends;
 * updates go out as server-sent events from the page's own origin, nothing else is loaded.
 *
 * @example
 * const live = await startLiveView({ host: '127.0.0.1', port: 0 }, target.config, 'serve: scenario open')
 * live.update(log.exchanges)
 */
export async function startLiveView(
  listen: { host: string; port: number },
  config: ClientConfig,
  what: string,
): Promise<LiveView> {
  let session = { html: '<p class="empty">No request yet.</p>', status: `waiting for a client at ${config.url}` }
  let verdicts: { html: string; status: string; headline: string; ok: boolean } | undefined
  const streams = new Set<ReadableStreamDefaultController<Uint8Array>>()
  const broadcast = (name: string, data: unknown) => {
    const chunk = sseEvent(name, data)
    for (const stream of streams) stream.enqueue(chunk)
  }
  const waiting: ReportView = {
    title: 'mcp-auth-harness serve (live)',
    headline: what,
    ok: true,
    facts: [`MCP server at ${config.url}`, 'verdicts when the session ends'],
    properties: [],
    clients: [],
    results: [],
    findings: [],
  }
  const server = await serveFetch(async (request) => {
    const foreign = foreignRequestProblem(request, listen.host)
    if (foreign) return new Response(foreign, { status: 403, headers: { 'content-type': 'text/plain' } })
    const path = new URL(request.url).pathname
    if (request.method === 'GET' && path === '/')
      return new Response(
        filterOutput(htmlReport(waiting, { feed: FEED, status: session.status, session: trusted(session.html) }), 'html'),
        {
          headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
        },
      )
    if (request.method === 'GET' && path === FEED) {
      let mine: ReadableStreamDefaultController<Uint8Array>
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          mine = controller
          streams.add(controller)
          controller.enqueue(sseEvent('session', session))
          if (verdicts) controller.enqueue(sseEvent('verdicts', verdicts))
        },
        cancel() {
          streams.delete(mine)
        },
      })
      request.signal.addEventListener('abort', () => streams.delete(mine))
      return new Response(body, { headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-store' } })
    }
    return new Response('not found: the live report is at /', { status: 404, headers: { 'content-type': 'text/plain' } })
  }, listen)
  const render = (exchanges: readonly Exchange[], violations: ReadonlyArray<{ exchange?: number; message: string }>) => {
    const { recording, redactor } = buildRecording({ config, exchanges, client: 'external (served)', source: 'record' })
    return refuseLeaks(trafficHtml(recording, redactor.applyDeep(violations), 'live').text, [redactor])
  }
  return {
    url: `${server.origin}/`,
    update(exchanges) {
      const done = exchanges.filter((e) => e.status !== undefined || e.error !== undefined)
      session = { html: render(done, []), status: `${done.length} request(s) so far; the verdicts come when the session ends` }
      broadcast('session', session)
    },
    finish(trial, judgements, status) {
      const { session: judged, redactor } = judgedTrialSession('external client', trial, judgements, 'record')
      // The live section above already draws the session: the verdicts need not draw it twice.
      const view = { ...viewOfJudgedSessions('serve', [judged]), sessions: [] }
      // The judged session's recording and violations are redacted already: drawn as they are.
      const violations = judged.judgements.flatMap((j) => j.violations)
      session = { html: refuseLeaks(trafficHtml(judged.recording, violations, 'live').text, [redactor]), status }
      verdicts = {
        html: refuseLeaks(reportBody(redactor.applyDeep(view)).text, [redactor]),
        status,
        headline: refuseLeaks(redactor.apply(view.headline), [redactor]),
        ok: view.ok,
      }
      broadcast('session', session)
      broadcast('verdicts', verdicts)
    },
    async close() {
      const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
      await pause(FLUSH_MS)
      // Ended streams, then a moment for their last chunk to go out: an open page sees a clean end, not a cut.
      for (const stream of streams) stream.close()
      streams.clear()
      await pause(50)
      await server.close()
    },
  }
}
