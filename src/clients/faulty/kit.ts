// Building blocks of the faulty reference clients (each lives in its property's folder): an SDK
// session with one thing changed.
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js'
import { TRANSPORTS, type ClientConfig } from '../../core/client-config.js'
import type { ClientUnderTest } from '../client-under-test.js'
import { HeadlessOAuthProvider } from '../headless-oauth-provider.js'
import { runSdkSession, type SdkTransportOptions } from '../sdk-session.js'
import { NOT_JSON, parseJsonOr } from '../../core/json.js'

/** A provider whose browser opens an edited authorization URL. */
export class EditingProvider extends HeadlessOAuthProvider {
  constructor(
    config: { oauthClientId?: string },
    private readonly edit: (params: URLSearchParams) => void,
  ) {
    super(config)
  }
  protected override browse(url: URL): URL {
    const edited = new URL(url)
    this.edit(edited.searchParams)
    return edited
  }
}

export function faulty(
  name: string,
  description: string,
  options: (config: ClientConfig) => Partial<SdkTransportOptions>,
): ClientUnderTest {
  return {
    name,
    description,
    transports: TRANSPORTS,
    keepsOpen: true,
    legacyOnly: true,
    run: (config, context) =>
      runSdkSession(config, context, {
        headers: config.headers,
        authProvider: new HeadlessOAuthProvider(config),
        ...options(config),
      }),
  }
}

/** A fetch that changes the request URL and/or the response before the SDK sees them. */
export function rewriting(
  request: (url: URL, headers: Headers) => void,
  response?: (response: Response) => Response | Promise<Response>,
): FetchLike {
  return async (input, init) => {
    const url = new URL(String(input instanceof Request ? input.url : input))
    const headers = new Headers(init?.headers)
    request(url, headers)
    const answer = await fetch(url, { ...init, headers })
    return response ? response(answer) : answer
  }
}

/** The response with its JSON body edited (a Response keeps `url` only when it is the fetched one, so it is copied over). */
export async function rewriteJson(
  response: Response,
  edit: (body: Record<string, unknown>) => Record<string, unknown>,
): Promise<Response> {
  const text = await response.text()
  const body = parseJsonOr(text, NOT_JSON)
  // Not JSON: nothing to edit, the answer goes on as it came.
  if (body === NOT_JSON)
    return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers })
  const headers = new Headers(response.headers)
  headers.delete('content-length')
  const init = { status: response.status, statusText: response.statusText, headers }
  const edited = new Response(JSON.stringify(edit(body as Record<string, unknown>)), init)
  Object.defineProperty(edited, 'url', { value: response.url })
  return edited
}

export function faultyStreamable(
  name: string,
  description: string,
  edit: (method: string, headers: Headers) => void,
): ClientUnderTest {
  return {
    name,
    description,
    transports: ['streamable-http'],
    keepsOpen: true,
    legacyOnly: true,
    run: (config, context) =>
      runSdkSession(config, context, {
        headers: config.headers,
        authProvider: new HeadlessOAuthProvider(config),
        fetch: editingHeaders(edit),
      }),
  }
}

/** A fetch that lets a faulty client change the headers of each request before it is sent: its one bug. */
export function editingHeaders(edit: (method: string, headers: Headers) => void): FetchLike {
  return (url, init) => {
    const headers = new Headers(init?.headers)
    edit((init?.method ?? 'GET').toUpperCase(), headers)
    return fetch(url, { ...init, headers })
  }
}

/** A fetch that removes the given headers from requests of one method only. */
export function withoutHeadersOn(method: 'GET' | 'POST', names: readonly string[]): FetchLike {
  return editingHeaders((sent, headers) => {
    if (sent === method) for (const name of names) headers.delete(name)
  })
}
