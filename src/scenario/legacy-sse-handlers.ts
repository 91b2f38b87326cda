import { http, HttpResponse, type HttpHandler } from 'msw/http'
import type { Scenario } from '../core/scenario.js'
import type { ServerState } from './server-state.js'
import { challengeFor, methodsOf, scopeChallengeFor } from './auth-gate.js'
import { answerJsonRpc, jsonRpcError, parseJsonRpcBody } from './json-rpc-server.js'
import { atPath } from './streamable-http-handlers.js'
import { nextMacrotask } from '../runtime/process.js'

/** Where the legacy server takes POSTs: `<endpoint>/messages`, or `/messages` for a root endpoint. */
export function legacyMessagesPath(scenario: Scenario): string {
  return `${scenario.endpointPath.replace(/\/$/, '')}/messages`
}

/**
 * HTTP+SSE (2024-11-05): GET at the endpoint opens a stream whose first event, `endpoint`,
 * announces where to POST; every answer travels back on that stream.
 */
export function legacySseHandlers(scenario: Scenario, state: ServerState): HttpHandler[] {
  const messagesPath = legacyMessagesPath(scenario)
  return [
    http.get(atPath(scenario.origin, scenario.endpointPath), ({ request }) => {
      const challenge = challengeFor(scenario, state, request, { kind: 'get-stream' })
      if (challenge) return challenge
      const id = state.newSessionId()
      const stream = state.openStream()
      state.sessions.set(id, stream)
      const relative = `${messagesPath}?sessionId=${id}`
      stream.send('endpoint', scenario.legacyEndpoint === 'relative' ? relative : `${scenario.origin}${relative}`)
      return stream.response()
    }),
    http.post(atPath(scenario.origin, messagesPath), async ({ request }) => {
      const parsed = parseJsonRpcBody(await request.text())
      // The guard may depend on the JSON-RPC method, so the body is read first.
      const challenge = challengeFor(scenario, state, request, { kind: 'post', methods: methodsOf(parsed?.messages ?? []) })
      if (challenge) return challenge
      const id = new URL(request.url).searchParams.get('sessionId') ?? ''
      const stream = state.sessions.get(id)
      if (!stream) return HttpResponse.json(jsonRpcError(-32001, 'Session not found'), { status: 404 })
      if (!parsed) return HttpResponse.json(jsonRpcError(-32700, 'Parse error'), { status: 400 })
      const scopeChallenge = scopeChallengeFor(scenario, state, request, parsed.messages)
      if (scopeChallenge) return scopeChallenge
      const answers = parsed.messages.map((message) => answerJsonRpc(scenario, message)).filter((a) => a !== undefined)
      // Like real servers: 202 first, the answers on the stream after, so the client never closes
      // the session while its POST still waits for the 202.
      void nextMacrotask().then(() => answers.forEach((answer) => stream.send('message', JSON.stringify(answer))))
      return new HttpResponse('Accepted', { status: 202 })
    }),
    http.all(
      atPath(scenario.origin, scenario.endpointPath),
      () => new HttpResponse(null, { status: 405, headers: { allow: 'GET' } }),
    ),
  ]
}
