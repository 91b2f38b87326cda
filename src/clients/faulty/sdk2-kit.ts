// Building blocks of the faulty reference clients of the authorization extensions: a v2 SDK session
// (the built-in client that implements them) with one thing changed.
import type { ClientConfig, ConfiguredGrant } from '../../core/client-config.js'
import type { ClientUnderTest } from '../client-under-test.js'
import { runSdk2Session } from '../sdk2-clients.js'
import { sdk2AuthProvider } from '../sdk2-grant-provider.js'

/** The faulty clients built on the v2 SDK: the witness tests excuse them what the v2 SDK itself is known to violate. */
export const SDK2_BASED = new WeakSet<ClientUnderTest>()

/** Those of them that negotiate the era (`sdk2-streamable-modern` underneath): excused what that client is known to violate. */
export const SDK2_NEGOTIATING = new WeakSet<ClientUnderTest>()

/**
 * Marks a faulty client built on the v2 SDK with version negotiation (`runSdk2Session(…, { modern: true })`).
 *
 * @example
 * export const rawMcpName = negotiatingV2({ name: 'faulty:raw-mcp-name', …, run: (config, context) => runSdk2Session(…, { modern: true }) })
 */
export function negotiatingV2(client: ClientUnderTest): ClientUnderTest {
  SDK2_NEGOTIATING.add(client)
  return client
}

/** What a faulty v2 client can be told: the grants and DPoP of the extension its bug is in. */
export interface ExtensionCapabilities {
  grants?: readonly ConfiguredGrant[]
  dpop?: boolean
}

/**
 * A v2 SDK client over Streamable HTTP told of one extension, whose `fetch` (every request the
 * transport and its OAuth flow make) is replaced: its one bug.
 *
 * @example
 * faultyV2('faulty:x', 'drops the DPoP header', { dpop: true }, () => editingFetch(...))
 */
export function faultyV2(
  name: string,
  description: string,
  capabilities: ExtensionCapabilities,
  fetch: (config: ClientConfig) => typeof globalThis.fetch | undefined,
  provider: (config: ClientConfig, fetch?: typeof globalThis.fetch) => ReturnType<typeof sdk2AuthProvider> = sdk2AuthProvider,
): ClientUnderTest {
  const client: ClientUnderTest = {
    name,
    description,
    transports: ['streamable-http'],
    keepsOpen: true,
    legacyOnly: true,
    ...capabilities,
    run: (config, context) => {
      const replaced = fetch(config)
      // The app's one fetch serves the transport and the provider's own requests (an IdP's token exchange).
      return runSdk2Session(config, context, provider(config, replaced), replaced ? { fetch: replaced } : {})
    },
  }
  SDK2_BASED.add(client)
  return client
}

/** A fetch that edits each request's form body (token requests) before it is sent. */
export function editingForms(edit: (url: URL, form: URLSearchParams, headers: Headers) => void): typeof globalThis.fetch {
  return async (input, init) => {
    const url = new URL(String(input instanceof Request ? input.url : input))
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined))
    const body = init?.body ?? (input instanceof Request ? await input.clone().text() : undefined)
    if (typeof body === 'string' || body instanceof URLSearchParams) {
      const form = new URLSearchParams(body.toString())
      if ((headers.get('content-type') ?? '').includes('application/x-www-form-urlencoded')) {
        edit(url, form, headers)
        return fetch(url, { ...init, method: init?.method ?? 'POST', headers, body: form.toString() })
      }
    }
    return fetch(input, init)
  }
}
