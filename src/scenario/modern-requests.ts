import { HttpResponse } from 'msw/http'
import { answerJsonRpc, SERVER_INFO } from './json-rpc-server.js'
import type { Scenario } from '../core/scenario.js'
import { decodeMcpName, requiredModernHeaders, type Message } from '../spec/modern-headers.js'

/** The modern error code for a header that disagrees with the body. */
const HEADER_MISMATCH = -32020

/**
 * A modern (2026-07-28) server's answer to one POSTed request: 400 `HeaderMismatch` when a required
 * header is missing or disagrees with the body, else the result with `resultType: "complete"`;
 * `server/discover` lists the versions the scenario speaks. No sessions exist in this era.
 */
export function answerModern(scenario: Scenario, request: Request, message: unknown): Response {
  const { id } = (message ?? {}) as Message
  for (const [name, expected] of Object.entries(requiredModernHeaders(message))) {
    const sent = request.headers.get(name)
    const value = sent !== null && name === 'mcp-name' ? decodeMcpName(sent) : sent
    if (value !== expected)
      return HttpResponse.json(
        {
          jsonrpc: '2.0',
          id: id ?? null,
          error: { code: HEADER_MISMATCH, message: `Header mismatch: ${name} must be ${expected}` },
        },
        { status: 400 },
      )
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
