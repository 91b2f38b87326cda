import { isPlaceholder } from '../recording/redactor.js'

/** What replay matches a request on: method, endpoint (origin + path), and for JSON-RPC the method and params. */
export interface RequestKey {
  method: string
  path: string
  rpcMethod?: string
  params?: unknown
  /** JSON-RPC id of the (first) message, for rewriting ids in the answer. */
  rpcId?: string | number | null
}

export const KEY_FIELDS = ['method', 'path', 'rpcMethod', 'params'] as const
export type KeyField = (typeof KEY_FIELDS)[number]

/** Params that differ between clients by nature, so a recording can be replayed to any client. */
function comparableParams(rpcMethod: string | undefined, params: unknown): unknown {
  if (rpcMethod === 'initialize') return undefined // clientInfo, capabilities and version belong to the client
  return params
}

export function requestKey(method: string, url: string, body: unknown): RequestKey {
  const parsed = new URL(url)
  const key: RequestKey = { method: method.toUpperCase(), path: `${parsed.origin}${parsed.pathname}` }
  const message = (Array.isArray(body) ? body[0] : body) as { method?: unknown; params?: unknown; id?: unknown } | undefined
  if (message && typeof message === 'object' && typeof message.method === 'string') {
    key.rpcMethod = message.method
    key.params = comparableParams(message.method, message.params)
    if (message.id !== undefined) key.rpcId = message.id as RequestKey['rpcId']
  }
  return key
}

/**
 * Deep equality of recorded and live params, where `_meta` is ignored and a redacted recorded
 * value matches any live value.
 */
export function paramsMatch(recorded: unknown, live: unknown): boolean {
  if (typeof recorded === 'string' && isPlaceholder(recorded)) return true
  if (Array.isArray(recorded)) {
    return Array.isArray(live) && recorded.length === live.length && recorded.every((item, i) => paramsMatch(item, live[i]))
  }
  if (recorded && typeof recorded === 'object') {
    if (!live || typeof live !== 'object' || Array.isArray(live)) return false
    const keys = new Set([...Object.keys(recorded), ...Object.keys(live)].filter((k) => k !== '_meta'))
    return [...keys].every((k) => paramsMatch((recorded as Record<string, unknown>)[k], (live as Record<string, unknown>)[k]))
  }
  return recorded === live
}

/** The first key field in which a recorded request differs from a live one, or undefined when they match. */
export function firstDifference(recorded: RequestKey, live: RequestKey): KeyField | undefined {
  if (recorded.method !== live.method) return 'method'
  if (recorded.path !== live.path) return 'path'
  if (recorded.rpcMethod !== live.rpcMethod) return 'rpcMethod'
  if (!paramsMatch(recorded.params, live.params)) return 'params'
  return undefined
}
