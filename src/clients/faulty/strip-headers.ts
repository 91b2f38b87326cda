import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js'

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
