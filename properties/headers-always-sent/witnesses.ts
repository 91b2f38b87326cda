// The faulty reference client(s) of `headers-always-sent`: SDK sessions with one bug each, proof that the property can fail.
import { TRANSPORTS } from '../../src/core/client-config.js'
import type { ClientUnderTest } from '../../src/clients/client-under-test.js'
import { HeadlessOAuthProvider } from '../../src/clients/headless-oauth-provider.js'
import { runSdkSession } from '../../src/clients/sdk-session.js'
import { withoutHeadersOn } from '../../src/clients/faulty/kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/**
 * Reproduces anthropics/claude-code#7290 (and typescript-sdk#569): the configured headers never
 * reach the transport. Violates `headers-always-sent`.
 */
export const dropsHeaders: ClientUnderTest = {
  name: 'faulty:drops-headers',
  description: 'SDK client that ignores the configured headers (claude-code#7290, typescript-sdk#569)',
  transports: TRANSPORTS,
  run: (config, context) => runSdkSession(config, context, { headers: {}, authProvider: new HeadlessOAuthProvider(config) }),
}

/**
 * Reproduces gemini-cli#25473, rust-sdk#464 and typescript-sdk#895: configured headers go on POSTs
 * but not on the SSE / standalone GET stream. Violates `headers-always-sent`.
 */
export const noHeadersOnStream: ClientUnderTest = {
  name: 'faulty:no-headers-on-stream',
  description: 'SDK client that sends configured headers on POSTs but not on the GET/SSE stream (gemini-cli#25473)',
  transports: TRANSPORTS,
  run(config, context) {
    const strip = withoutHeadersOn('GET', Object.keys(config.headers))
    return runSdkSession(config, context, {
      headers: config.headers,
      authProvider: new HeadlessOAuthProvider(config),
      ...(config.transport === 'sse' ? { eventSourceFetch: strip } : { fetch: strip }),
    })
  },
}

/**
 * Reproduces vscode#246207 and claude-code#28293: configured headers go on the SSE GET but not on
 * the POSTs (`POST /message?sessionId=…` lacks them). Violates `headers-always-sent`.
 */
export const noHeadersOnPost: ClientUnderTest = {
  name: 'faulty:no-headers-on-post',
  description: 'SDK client that sends configured headers on the GET/SSE stream but not on POSTs (vscode#246207)',
  transports: TRANSPORTS,
  run(config, context) {
    return runSdkSession(config, context, {
      headers: config.headers,
      authProvider: new HeadlessOAuthProvider(config),
      fetch: withoutHeadersOn('POST', Object.keys(config.headers)),
    })
  },
}

/** Each violates `headers-always-sent`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(dropsHeaders), witness(noHeadersOnStream), witness(noHeadersOnPost)]
