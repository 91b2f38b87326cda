// The faulty reference client(s) of `bounded-auth-retries`: SDK sessions with one bug each, proof that the property can fail.
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js'
import { TRANSPORTS } from '../../src/core/client-config.js'
import type { ClientUnderTest } from '../../src/clients/client-under-test.js'
import { HeadlessOAuthProvider } from '../../src/clients/headless-oauth-provider.js'
import { runSdkSession } from '../../src/clients/sdk-session.js'
import { witness, type Witness } from '../../src/property/witness.js'

/** How often the faulty fetch repeats a refused request: far past any sensible retry limit. */
const RETRIES = 30

/** A fetch that sends a request answered 401 or 403 again, the same way, up to RETRIES times. */
const retryingFetch: FetchLike = async (input, init) => {
  let response = await fetch(input, init)
  for (let retry = 0; retry < RETRIES && (response.status === 401 || response.status === 403); retry++) {
    await response.body?.cancel()
    response = await fetch(input, init)
  }
  return response
}

/**
 * Repeats every refused request (401 or 403) unchanged, as a naive retry wrapper around fetch
 * does, on every request kind. Violates `bounded-auth-retries` (refused MCP requests).
 */
export const retriesRefused: ClientUnderTest = {
  name: 'faulty:retries-refused',
  description: 'SDK client whose fetch wrapper retries a 401/403 answer unchanged, 30 times (naive retry middleware)',
  transports: TRANSPORTS,
  run: (config, context) =>
    runSdkSession(config, context, {
      headers: config.headers,
      authProvider: new HeadlessOAuthProvider(config),
      fetch: retryingFetch,
    }),
}

/** Re-authorizes up to ten times when the server keeps refusing the token. Violates `bounded-auth-retries` (typescript-sdk PR #945). */
export const endlessReauthorization: ClientUnderTest = {
  name: 'faulty:endless-reauthorization',
  description:
    'SDK client that starts over with a fresh authorization, up to 10 times, whenever the session fails (typescript-sdk PR #945)',
  // Streamable HTTP only: over SSE the SDK itself already loops (expected-failures.json).
  transports: ['streamable-http'],
  async run(config, context) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await runSdkSession(config, context, { headers: config.headers, authProvider: new HeadlessOAuthProvider(config) })
      } catch (error) {
        if (attempt >= 10 || context.signal.aborted) throw error
      }
    }
  },
}

/** How long the faulty client waits before it opens a refused GET stream again. */
const REPOLL_MS = 100

/** A wait of `ms`, cut short (false) when `signal` aborts: the session closed its stream. */
function pause(ms: number, signal: AbortSignal | null | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false)
    const timer = setTimeout(() => resolve(true), ms)
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve(false)), { once: true })
  })
}

/**
 * A fetch that opens a refused GET stream again every REPOLL_MS, unchanged, until it is accepted or
 * the session closes it: a reconnect loop at a polite pace, so a short session sees one or two
 * refusals and only a session held open sees it go on.
 */
const pollingFetch: FetchLike = async (input, init) => {
  const isStream = (init?.method ?? 'GET').toUpperCase() === 'GET'
  let response = await fetch(input, init)
  while (isStream && (response.status === 401 || response.status === 403)) {
    await response.body?.cancel()
    if (!(await pause(REPOLL_MS, init?.signal))) return response
    response = await fetch(input, init)
  }
  return response
}

/**
 * Opens a refused GET stream again every 100 ms for as long as the session lasts (a reconnect loop
 * that shows only over time). Violates `bounded-auth-retries` (refused MCP requests) in a session
 * held open; no OAuth provider, so the SDK's own refresh loop on a refused stream is not what shows.
 */
export const pollsRefusedStream: ClientUnderTest = {
  name: 'faulty:polls-refused-stream',
  description:
    'SDK client (no OAuth provider) whose fetch opens a refused GET stream again every 100 ms while the session lasts: a loop only a session held open shows',
  transports: ['streamable-http'],
  keepsOpen: true,
  run: (config, context) => runSdkSession(config, context, { headers: config.headers, fetch: pollingFetch }),
}

/** Each violates `bounded-auth-retries`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [
  witness(retriesRefused),
  // Starting over blindly: a fresh attempt after the SDK refused metadata naming another resource
  // (hinted only on a later 401) registers and authorizes again, unaware of it.
  witness(endlessReauthorization, 'resource-mismatch-rejected'),
  witness(pollsRefusedStream),
]
