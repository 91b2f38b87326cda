import type { ClientUnderTest } from '../client-under-test.js'
import { HeadlessOAuthProvider } from '../headless-oauth-provider.js'
import { runSdkSession } from '../sdk-session.js'
import { runSdk2Session } from '../sdk2-clients.js'
import { editingHeaders } from './strip-headers.js'

function faultyStreamable(name: string, description: string, edit: (method: string, headers: Headers) => void): ClientUnderTest {
  return {
    name,
    description,
    transports: ['streamable-http'],
    run: (config, context) =>
      runSdkSession(config, context, {
        headers: config.headers,
        authProvider: new HeadlessOAuthProvider(config),
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

/**
 * The v2 client in the 2026-07-28 era that leaves `Mcp-Method` off its POSTs (the header a
 * 2025-era HTTP layer knows nothing about). Violates `modern-request-headers`.
 */
export const noMcpMethod: ClientUnderTest = {
  name: 'faulty:no-mcp-method',
  description: 'v2 SDK client in the 2026-07-28 era whose POSTs lack Mcp-Method',
  transports: ['streamable-http'],
  run: (config, context) =>
    runSdk2Session(config, context, new HeadlessOAuthProvider(config), {
      modern: true,
      fetch: editingHeaders((_, headers) => headers.delete('mcp-method')) as typeof fetch,
    }),
}
