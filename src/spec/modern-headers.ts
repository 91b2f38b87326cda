/**
 * The 2026-07-28 transport's request metadata (MCP 2026-07-28 "Transports › Streamable HTTP ›
 * Request Metadata"): the headers a request must carry, derived from its body. The mock server
 * answers by it and `modern-request-headers` judges by it: one reading of the rule.
 */
import { isModernVersion } from '../core/scenario.js'

/** `_meta` key carrying the protocol version on every modern request. */
const VERSION_META = 'io.modelcontextprotocol/protocolVersion'
/** Methods whose target travels in `Mcp-Name` too, and the param that names it. */
const NAMED_PARAM: Record<string, string> = { 'tools/call': 'name', 'prompts/get': 'name', 'resources/read': 'uri' }

export interface Message {
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

/** The Base64 sentinel form, markers exact and lowercase, with standard Base64 inside. */
const SENTINEL = /^=\?base64\?([A-Za-z0-9+/]*={0,2})\?=$/

/**
 * Whether a header value must travel in the Base64 sentinel form (MCP 2026-07-28 "Value Encoding"):
 * outside visible ASCII, space and tab, leading or trailing whitespace, or a plain value that
 * itself looks like the sentinel.
 */
export function needsSentinel(value: string): boolean {
  return /[^\x20-\x7e\t]/.test(value) || value !== value.trim() || (value.startsWith('=?base64?') && value.endsWith('?='))
}

/** The UTF-8 text inside a well-formed sentinel value, or undefined when the value is not one. */
export function sentinelText(value: string): string | undefined {
  const encoded = SENTINEL.exec(value)?.[1]
  if (encoded === undefined) return undefined
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0)))
  } catch {
    return undefined
  }
}
