import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js'
import type { OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js'
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js'
import type { ClientConfig } from '../config/client-config.js'
import type { TrialContext } from './client-under-test.js'
import { runStandardSession } from './standard-session.js'

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

/** The standard session (see `runStandardSession`) with the v1 SDK, its transport built from `options`. */
export function runSdkSession(config: ClientConfig, context: TrialContext, options: SdkTransportOptions): Promise<void> {
  return runStandardSession(new Client({ name: 'mcp-auth-harness', version: '0.1.0' }), createTransport(config, options), context)
}
