import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js'
import { UnauthorizedError, type OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js'
import type { HeadlessOAuthProvider } from './headless-oauth-provider.js'
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js'
import type { ClientConfig } from '../core/client-config.js'
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
  /** Authorizations completed before giving up (default MAX_AUTHORIZATIONS). */
  maxAuthorizations?: number
  /** Streamable HTTP: the wait before reopening a dropped GET stream when the server sent no `retry` (default 50 ms). */
  reconnectionDelayMs?: number
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
        initialReconnectionDelay: options.reconnectionDelayMs ?? 50,
        maxReconnectionDelay: options.reconnectionDelayMs ?? 50,
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

/** How many times an adapter completes an authorization and reconnects before it gives up, as apps do. */
export const MAX_AUTHORIZATIONS = 2

/**
 * The standard session (see `runStandardSession`) with the v1 SDK, its transport built from
 * `options`. When the session stops with UnauthorizedError and the headless browser got a code, it
 * hands the code to `transport.finishAuth` and reconnects with a new transport, as the SDK's docs
 * show apps doing, at most MAX_AUTHORIZATIONS times.
 */
export async function runSdkSession(config: ClientConfig, context: TrialContext, options: SdkTransportOptions): Promise<void> {
  for (let round = 0; ; round++) {
    const transport = createTransport(config, options)
    try {
      return await runStandardSession(
        new Client({ name: 'mcp-auth-harness', version: '0.1.0' }),
        transport,
        context,
        config.keepOpenMs,
      )
    } catch (error) {
      const code =
        error instanceof UnauthorizedError && round < (options.maxAuthorizations ?? MAX_AUTHORIZATIONS)
          ? takeCode(options.authProvider)
          : undefined
      if (!code) throw error
      await transport.finishAuth(code)
    }
  }
}

function takeCode(provider: OAuthClientProvider | undefined): string | undefined {
  return provider && 'takeAuthorizationCode' in provider ? (provider as HeadlessOAuthProvider).takeAuthorizationCode() : undefined
}
