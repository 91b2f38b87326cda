import type { ProtocolVersion, Scenario } from './scenario.js'

type JsonRpcId = string | number | null
interface JsonRpcMessage {
  jsonrpc?: string
  id?: JsonRpcId
  method?: string
  params?: Record<string, unknown>
}

export const MOCK_TOOL = {
  name: 'echo',
  description: 'Echoes its input back',
  inputSchema: { type: 'object', properties: { text: { type: 'string' } } },
} as const

/** The protocol version the server answers: the client's when it supports it, else its newest. */
export function negotiateVersion(scenario: Scenario, requested: unknown): ProtocolVersion {
  const supported = scenario.protocolVersions
  const match = supported.find((version) => version === requested)
  return match ?? supported[supported.length - 1] ?? '2025-11-25'
}

/**
 * The MCP server's JSON-RPC side: answers one message, or returns undefined for a
 * notification or a response (nothing to send back).
 */
export function answerJsonRpc(scenario: Scenario, message: unknown): object | undefined {
  const { id, method, params } = (message ?? {}) as JsonRpcMessage
  if (id === undefined || typeof method !== 'string') return undefined
  const result = (value: object) => ({ jsonrpc: '2.0', id, result: value })
  switch (method) {
    case 'initialize':
      return result({
        protocolVersion: negotiateVersion(scenario, params?.protocolVersion),
        capabilities: { tools: {} },
        serverInfo: { name: 'mcp-auth-harness-mock', version: '0.1.0' },
      })
    case 'ping':
      return result({})
    case 'tools/list':
      return result({ tools: scenario.tools ? [MOCK_TOOL] : [] })
    case 'tools/call':
      return result({ content: [{ type: 'text', text: JSON.stringify(params?.arguments ?? {}) }] })
    default:
      return { jsonrpc: '2.0', id, error: { code: -32601, message: `Method not found: ${method}` } }
  }
}

/** Parses a POST body as JSON-RPC; a batch (2025-03-26) is answered message by message. */
export function parseJsonRpcBody(text: string): { messages: unknown[]; batch: boolean } | undefined {
  try {
    const parsed: unknown = JSON.parse(text)
    return Array.isArray(parsed) ? { messages: parsed, batch: true } : { messages: [parsed], batch: false }
  } catch {
    return undefined
  }
}

export function jsonRpcError(code: number, message: string): object {
  return { jsonrpc: '2.0', id: null, error: { code, message } }
}
