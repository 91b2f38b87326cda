import { http, HttpResponse, type HttpHandler } from 'msw/http'
import { streamRetryMs, type Scenario } from '../core/scenario.js'
import type { ServerState } from './server-state.js'
import { challengeFor, methodsOf, scopeChallengeFor } from './auth-gate.js'
import type { EventStream } from './event-stream.js'
import { answerJsonRpc, jsonRpcError, parseJsonRpcBody } from './json-rpc-server.js'
import { answerModern } from './modern-requests.js'
import { modernVersionOf } from '../spec/modern-headers.js'

const SESSION_HEADER = 'mcp-session-id'

/** A predicate matching exactly the endpoint's origin and path (query ignored). */
export function atPath(origin: string, path: string) {
  return ({ request }: { request: Request }) => {
    const url = new URL(request.url)
    return url.origin === origin && url.pathname === path
  }
}

/** 400 without a session id, 404 for an unknown one (the spec's "session expired"). */
function sessionProblem(scenario: Scenario, state: ServerState, request: Request): Response | undefined {
  if (!scenario.sessions) return undefined
  const id = request.headers.get(SESSION_HEADER)
  if (id === null)
    return HttpResponse.json(jsonRpcError(-32000, 'Bad Request: Mcp-Session-Id header is required'), { status: 400 })
  if (!state.sessions.has(id)) return HttpResponse.json(jsonRpcError(-32001, 'Session not found'), { status: 404 })
  return undefined
}

/** The servers that have forgotten a session once already (`sessionExpiry`): the next session lives. */
const expiredOnce = new WeakSet<ServerState>()

/**
 * `sessionExpiry: before-tools-call`: the server forgets the session the first `tools/call` comes
 * in, so that call is answered 404 and the client must initialize a new session (spec: Session
 * Management) with its configured headers still on it.
 */
function expireSession(scenario: Scenario, state: ServerState, request: Request, methods: readonly string[]): void {
  if (scenario.sessionExpiry !== 'before-tools-call' || !methods.includes('tools/call') || expiredOnce.has(state)) return
  const id = request.headers.get(SESSION_HEADER)
  if (id === null || !state.sessions.has(id)) return
  expiredOnce.add(state)
  state.sessions.delete(id)
}

const LIST_CHANGED = JSON.stringify({ jsonrpc: '2.0', method: 'notifications/tools/list_changed' })

/**
 * What the standalone GET stream carries (`getStreamEvents`): a `tools/list_changed`
 * notification with an event id; in the drop variant the first stream then ends, after
 * `retry` (0 so a resuming client comes back at once, or 100), and a GET that resumes it (`Last-Event-ID`)
 * gets the next event and stays open.
 */
function sendStreamEvents(scenario: Scenario, stream: EventStream, lastEventId: string | null): void {
  const events = scenario.getStreamEvents ?? 'none'
  if (events === 'none') return
  const retry = streamRetryMs(events)
  const drop = retry !== undefined && lastEventId === null
  const next = lastEventId === null ? 1 : Number(/(\d+)$/.exec(lastEventId)?.[1] ?? 0) + 1
  stream.sendEvent({ id: `event-${next}`, ...(drop ? { retry } : {}), data: LIST_CHANGED })
  if (drop) stream.close()
}

/** Streamable HTTP (2025-03-26 and later) at the scenario's endpoint: POST, GET stream or 405, DELETE. */
export function streamableHttpHandlers(scenario: Scenario, state: ServerState): HttpHandler[] {
  const onEndpoint = atPath(scenario.origin, scenario.endpointPath)
  return [
    http.post(onEndpoint, async ({ request }) => {
      const parsed = parseJsonRpcBody(await request.text())
      // The guard may depend on the JSON-RPC method, so the body is read first.
      const challenge = challengeFor(scenario, state, request, { kind: 'post', methods: methodsOf(parsed?.messages ?? []) })
      if (challenge) return challenge
      if (!parsed) return HttpResponse.json(jsonRpcError(-32700, 'Parse error'), { status: 400 })
      const scopeChallenge = scopeChallengeFor(scenario, state, request, parsed.messages)
      if (scopeChallenge) return scopeChallenge
      // A modern request to a server that speaks its version: answered statelessly. Otherwise it
      // meets the pre-2026 server below, which knows neither the method nor requests without a session.
      const modern = parsed.batch ? undefined : modernVersionOf(parsed.messages[0])
      if (modern && (scenario.protocolVersions as readonly string[]).includes(modern))
        return answerModern(scenario, request, parsed.messages[0], state)
      const isInitialize = parsed.messages.some((m) => (m as { method?: unknown } | null)?.method === 'initialize')
      const headers: Record<string, string> = {}
      if (isInitialize && scenario.sessions) {
        const id = state.newSessionId()
        state.sessions.set(id, undefined)
        headers[SESSION_HEADER] = id
      } else {
        expireSession(scenario, state, request, methodsOf(parsed.messages))
        const problem = sessionProblem(scenario, state, request)
        if (problem) return problem
      }
      const answers = parsed.messages.map((m) => answerJsonRpc(scenario, m)).filter((a) => a !== undefined)
      if (answers.length === 0) return new HttpResponse(null, { status: 202, headers })
      // A server that asked for a reconnection wait is slow to answer its first tool call, so the
      // session lasts long enough for the client to come back to the dropped stream.
      const retry = streamRetryMs(scenario.getStreamEvents)
      if (retry && methodsOf(parsed.messages).includes('tools/call') && !state.slowAnswerGiven) {
        state.slowAnswerGiven = true
        await new Promise((resolve) => setTimeout(resolve, retry + 60))
      }
      if (scenario.responseMode === 'json') {
        return HttpResponse.json(parsed.batch ? answers : answers[0], { headers })
      }
      const stream = state.openStream()
      for (const answer of answers) stream.send('message', JSON.stringify(answer))
      stream.close()
      return stream.response(headers)
    }),
    http.get(onEndpoint, ({ request }) => {
      const challenge = challengeFor(scenario, state, request, { kind: 'get-stream' })
      if (challenge) return challenge
      if (scenario.getStream === '405') return new HttpResponse(null, { status: 405, headers: { allow: 'POST, DELETE' } })
      const problem = sessionProblem(scenario, state, request)
      if (problem) return problem
      const stream = state.openStream()
      sendStreamEvents(scenario, stream, request.headers.get('last-event-id'))
      return stream.response()
    }),
    http.delete(onEndpoint, ({ request }) => {
      const challenge = challengeFor(scenario, state, request, { kind: 'delete' })
      if (challenge) return challenge
      if (!scenario.deleteAllowed) return new HttpResponse(null, { status: 405, headers: { allow: 'GET, POST' } })
      const problem = sessionProblem(scenario, state, request)
      if (problem) return problem
      state.sessions.delete(request.headers.get(SESSION_HEADER) ?? '')
      return new HttpResponse(null, { status: 200 })
    }),
    http.all(onEndpoint, () => new HttpResponse(null, { status: 405, headers: { allow: 'GET, POST, DELETE' } })),
  ]
}
