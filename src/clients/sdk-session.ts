import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js'
import type { OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js'
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js'
import type { ClientConfig } from '../config/client-config.js'
import type { TrialContext } from './client-under-test.js'

/** How an adapter builds its SDK transport; faulty clients change exactly one of these. */
export interface SdkTransportOptions {
  /** Headers as the SDK docs tell users to pass them (`requestInit.headers`). */
  headers: Record<string, string>
  authProvider?: OAuthClientProvider
  /** Replaces `fetch` for every request of the transport (SSE: the EventSource GET too). */
  fetch?: FetchLike
  /** SSE only: replaces `fetch` for the EventSource GET alone. */
  eventSourceFetch?: FetchLike
}

function createTransport(config: ClientConfig, options: SdkTransportOptions) {
  const url = new URL(config.url)
  const requestInit: RequestInit = { headers: options.headers }
  if (config.transport === 'streamable-http') {
    return new StreamableHTTPClientTransport(url, {
      requestInit,
      authProvider: options.authProvider,
      fetch: options.fetch,
      // One reconnection attempt at most: a trial is one short session, not a long-lived app.
      reconnectionOptions: {
        initialReconnectionDelay: 50,
        maxReconnectionDelay: 50,
        reconnectionDelayGrowFactor: 1,
        maxRetries: 1,
      },
    })
  }
  return new SSEClientTransport(url, {
    requestInit,
    authProvider: options.authProvider,
    fetch: options.fetch,
    eventSourceInit: options.eventSourceFetch ? { fetch: options.eventSourceFetch } : undefined,
  })
}

/**
 * The standard session every SDK-based adapter runs: connect (initialize), `tools/list`,
 * `tools/call` on the first listed tool, DELETE the session (Streamable HTTP), close.
 */
export async function runSdkSession(config: ClientConfig, context: TrialContext, options: SdkTransportOptions): Promise<void> {
  const transport = createTransport(config, options)
  const client = new Client({ name: 'mcp-auth-harness', version: '0.1.0' })
  const abort = () => void client.close().catch(() => undefined)
  context.signal.addEventListener('abort', abort, { once: true })
  try {
    await client.connect(transport)
    const { tools } = await client.listTools()
    const first = tools[0]
    if (first) await client.callTool({ name: first.name, arguments: {} })
    if (transport instanceof StreamableHTTPClientTransport && transport.sessionId) await transport.terminateSession()
  } finally {
    context.signal.removeEventListener('abort', abort)
    await client.close().catch(() => undefined)
  }
}
