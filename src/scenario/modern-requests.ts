import { HttpResponse } from 'msw/http'
import { answerJsonRpc, SERVER_INFO } from './json-rpc-server.js'
import type { Scenario } from '../core/scenario.js'
import { decodeMcpName, modernVersionOf, requiredModernHeaders, type Message } from '../spec/modern-headers.js'
import type { ServerState } from './server-state.js'

/** The modern error code for a header that disagrees with the body. */
const HEADER_MISMATCH = -32020
/** The modern error code for a version the server does not speak (its data lists those it does). */
const UNSUPPORTED_PROTOCOL_VERSION = -32022

/** A 400 with a modern JSON-RPC error: what a modern server answers a request it cannot take. */
function modernError(id: Message['id'], code: number, message: string, data?: object): Response {
  return HttpResponse.json(
    { jsonrpc: '2.0', id: id ?? null, error: { code, message, ...(data ? { data } : {}) } },
    { status: 400 },
  )
}

/**
 * The once-only refusal of a `modernRefusal` scenario: the first modern request meets a 400 whose
 * body says the server speaks this era (a rolling deploy's cold instance, a gateway's check).
 */
function refusal(scenario: Scenario, state: ServerState, message: unknown): Response | undefined {
  const kind = scenario.modernRefusal ?? 'none'
  if (kind === 'none' || state.modernRefusalGiven) return undefined
  state.modernRefusalGiven = true
  const { id } = (message ?? {}) as Message
  if (kind === 'header-mismatch')
    return modernError(id, HEADER_MISMATCH, 'Header mismatch: MCP-Protocol-Version was not accepted')
  return modernError(id, UNSUPPORTED_PROTOCOL_VERSION, 'Unsupported protocol version', {
    supported: [...scenario.protocolVersions].reverse(),
    requested: modernVersionOf(message),
  })
}

/**
 * A modern (2026-07-28) server's answer to one POSTed request: the scenario's one refusal first, then
 * 400 `HeaderMismatch` when a required header is missing or disagrees with the body, else the result with `resultType: "complete"`;
 * `server/discover` lists the versions the scenario speaks. No sessions exist in this era.
 */
export function answerModern(scenario: Scenario, request: Request, message: unknown, state: ServerState): Response {
  const { id } = (message ?? {}) as Message
  const refused = refusal(scenario, state, message)
  if (refused) return refused
  for (const [name, expected] of Object.entries(requiredModernHeaders(message))) {
    const sent = request.headers.get(name)
    const value = sent !== null && name === 'mcp-name' ? decodeMcpName(sent) : sent
    if (value !== expected) return modernError(id, HEADER_MISMATCH, `Header mismatch: ${name} must be ${expected}`)
  }
  if (id === undefined) return new HttpResponse(null, { status: 202 })
  if ((message as Message).method === 'server/discover')
    return HttpResponse.json({
      jsonrpc: '2.0',
      id,
      result: {
        supportedVersions: [...scenario.protocolVersions].reverse(),
        capabilities: { tools: {} },
        serverInfo: SERVER_INFO,
        resultType: 'complete',
      },
    })
  const answer = answerJsonRpc(scenario, message) as { result?: object } | undefined
  // List results say how long they may be cached, and by whom.
  const cache = (message as Message).method?.endsWith('/list') ? { ttlMs: 0, cacheScope: 'private' } : {}
  if (answer?.result) return HttpResponse.json({ ...answer, result: { ...answer.result, ...cache, resultType: 'complete' } })
  return HttpResponse.json(answer ?? {})
}
