import { isModernVersion, type ProtocolVersion, type Scenario } from '../core/scenario.js'
import { NOT_JSON, parseJsonOr } from '../core/json.js'

type JsonRpcId = string | number | null
interface JsonRpcMessage {
  jsonrpc?: string
  id?: JsonRpcId
  method?: string
  params?: Record<string, unknown>
}

export const SERVER_INFO = { name: 'mcp-auth-harness-mock', version: '0.1.0' }

export const MOCK_TOOL = {
  name: 'echo',
  description: 'Echoes its input back',
  inputSchema: { type: 'object', properties: { text: { type: 'string' } } },
} as const

/** A tool name outside plain ASCII (Latin-1, so even a client that sends it raw gets it onto the wire). */
export const NON_ASCII_TOOL_NAME = 'météo'

/**
 * Parameters mirrored into `Mcp-Param-{Name}` headers (MCP 2026-07-28 "Custom Headers from Tool
 * Parameters"), each with the value a client's call gives it in `examples`: plain ASCII, one that
 * needs the Base64 sentinel, a boolean, and one the call leaves out (its header is omitted).
 */
export const HEADER_PARAMS = {
  region: { type: 'string', 'x-mcp-header': 'Region', examples: ['us-west1'] },
  city: { type: 'string', 'x-mcp-header': 'City', examples: ['Zürich'] },
  verbose: { type: 'boolean', 'x-mcp-header': 'Verbose', examples: [true] },
  limit: { type: 'integer', 'x-mcp-header': 'Limit' },
} as const

/** The tool the scenario lists: the mock tool, under a non-ASCII name, or with header parameters, when the scenario says so. */
function listedTool(scenario: Scenario) {
  const name = scenario.toolName === 'non-ascii' ? NON_ASCII_TOOL_NAME : MOCK_TOOL.name
  const inputSchema =
    scenario.toolParams === 'header-params'
      ? { ...MOCK_TOOL.inputSchema, properties: { ...MOCK_TOOL.inputSchema.properties, ...HEADER_PARAMS } }
      : MOCK_TOOL.inputSchema
  return { ...MOCK_TOOL, name, inputSchema }
}

/**
 * The version `initialize` answers: the client's when the server supports it, else its newest
 * pre-2026 one; undefined for a modern-only server (it has no `initialize` handshake to offer).
 */
export function negotiateVersion(scenario: Scenario, requested: unknown): ProtocolVersion | undefined {
  const supported = scenario.protocolVersions.filter((version) => !isModernVersion(version))
  return supported.find((version) => version === requested) ?? supported[supported.length - 1]
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
    case 'initialize': {
      const protocolVersion = negotiateVersion(scenario, params?.protocolVersion)
      if (protocolVersion === undefined)
        return {
          jsonrpc: '2.0',
          id,
          error: { code: -32602, message: 'Unsupported protocol version', data: { supported: scenario.protocolVersions } },
        }
      return result({
        protocolVersion,
        // A server that sends list_changed on its GET stream says so.
        capabilities: { tools: (scenario.getStreamEvents ?? 'none') === 'none' ? {} : { listChanged: true } },
        serverInfo: SERVER_INFO,
      })
    }
    case 'ping':
      return result({})
    case 'tools/list':
      return result({ tools: scenario.tools ? [listedTool(scenario)] : [] })
    case 'tools/call':
      return result({ content: [{ type: 'text', text: JSON.stringify(params?.arguments ?? {}) }] })
    default:
      return { jsonrpc: '2.0', id, error: { code: -32601, message: `Method not found: ${method}` } }
  }
}

/** Parses a POST body as JSON-RPC; a batch (2025-03-26) is answered message by message. */
export function parseJsonRpcBody(text: string): { messages: unknown[]; batch: boolean } | undefined {
  const parsed = parseJsonOr(text, NOT_JSON)
  if (parsed === NOT_JSON) return undefined
  return Array.isArray(parsed) ? { messages: parsed, batch: true } : { messages: [parsed], batch: false }
}

export function jsonRpcError(code: number, message: string): object {
  return { jsonrpc: '2.0', id: null, error: { code, message } }
}
