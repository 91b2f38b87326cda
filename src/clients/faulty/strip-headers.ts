import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js'

/** A fetch that removes the given headers from requests of one method only: the faulty clients' one bug. */
export function withoutHeadersOn(method: 'GET' | 'POST', names: readonly string[]): FetchLike {
  return (url, init) => {
    if ((init?.method ?? 'GET').toUpperCase() !== method) return fetch(url, init)
    const headers = new Headers(init?.headers)
    for (const name of names) headers.delete(name)
    return fetch(url, { ...init, headers })
  }
}
