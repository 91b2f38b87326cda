import type { ClientUnderTest } from '../client-under-test.js'
import { HeadlessOAuthProvider } from '../headless-oauth-provider.js'
import { runSdkSession } from '../sdk-session.js'
import { editingHeaders } from './strip-headers.js'

function faultyStreamable(name: string, description: string, edit: (method: string, headers: Headers) => void): ClientUnderTest {
  return {
    name,
    description,
    transports: ['streamable-http'],
    run: (config, context) =>
      runSdkSession(config, context, {
        headers: config.headers,
        authProvider: new HeadlessOAuthProvider(),
        fetch: editingHeaders(edit),
      }),
  }
}

/** Forgets the session: no `Mcp-Session-Id` on any request. Violates `session-id-echoed`. */
export const dropsSessionId = faultyStreamable(
  'faulty:drops-session-id',
  'SDK client that never echoes Mcp-Session-Id (proxies that forward only some headers, inspector#477)',
  (_, headers) => headers.delete('mcp-session-id'),
)

/** Never sends `MCP-Protocol-Version`. Violates `protocol-version-header`. */
export const noProtocolVersion = faultyStreamable(
  'faulty:no-protocol-version',
  'SDK client that omits MCP-Protocol-Version after initialize (pre-2025-06-18 clients)',
  (_, headers) => headers.delete('mcp-protocol-version'),
)

/** POSTs with `Accept: application/json` only. Violates `accept-headers`. */
export const jsonOnlyAccept = faultyStreamable(
  'faulty:json-only-accept',
  'SDK client that POSTs with Accept: application/json only (python-sdk#3503 class: wrong Accept per method)',
  (method, headers) => {
    if (method === 'POST') headers.set('accept', 'application/json')
  },
)
