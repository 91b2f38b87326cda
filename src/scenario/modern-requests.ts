import { HttpResponse } from 'msw/http'
import { answerJsonRpc, SERVER_INFO } from './json-rpc-server.js'
import { isModernVersion, type Scenario } from '../core/scenario.js'

/** `_meta` key carrying the protocol version on every modern request. */
const VERSION_META = 'io.modelcontextprotocol/protocolVersion'
/** Methods whose target travels in `Mcp-Name` too, and the param that names it. */
const NAMED_PARAM: Record<string, string> = { 'tools/call': 'name', 'prompts/get': 'name', 'resources/read': 'uri' }
/** The modern error code for a header that disagrees with the body. */
const HEADER_MISMATCH = -32020

interface Message {
  id?: string | number | null
  method?: string
  params?: { _meta?: Record<string, unknown>; [key: string]: unknown }
}

/** The modern version a request names in `_meta`, or undefined for a pre-2026 request. */
export function modernVersionOf(message: unknown): string | undefined {
  const version = (message as Message | null)?.params?._meta?.[VERSION_META]
  return typeof version === 'string' && isModernVersion(version) ? version : undefined
}

/** The headers a modern request must carry, from its body: version, method, and the name where one is required. */
export function requiredModernHeaders(message: unknown): Record<string, string> {
  const { method, params } = (message ?? {}) as Message
  const version = modernVersionOf(message)
  const named = method ? NAMED_PARAM[method] : undefined
  const name = named ? params?.[named] : undefined
  return {
    ...(version ? { 'mcp-protocol-version': version } : {}),
    ...(method ? { 'mcp-method': method } : {}),
    ...(typeof name === 'string' ? { 'mcp-name': name } : {}),
  }
}

/** Decodes an `Mcp-Name` value: plain, or `=?base64?…?=` for non-ASCII names. */
export function decodeMcpName(value: string): string {
  const encoded = /^=\?base64\?(.*)\?=$/.exec(value)?.[1]
  if (encoded === undefined) return value
  return new TextDecoder().decode(Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0)))
}

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
