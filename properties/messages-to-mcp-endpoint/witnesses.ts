// The faulty reference client(s) of `messages-to-mcp-endpoint`: SDK sessions with one bug each, proof that the property can fail.
import { faulty } from '../../src/clients/faulty/kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/**
 * Drops the configured URL's query string from its POSTs (a URL rebuilt from origin and path, as
 * some clients do). Violates `messages-to-mcp-endpoint`.
 */
export const dropsQueryOnPost = faulty(
  'faulty:drops-query-on-post',
  'SDK client whose POSTs go to the configured URL without its query string (`?tenant=…` lost)',
  () => ({
    fetch: (input, init) => {
      if ((init?.method ?? 'GET').toUpperCase() !== 'POST') return fetch(input, init)
      const url = new URL(String(input instanceof Request ? input.url : input))
      url.search = ''
      return fetch(url, init)
    },
  }),
)

/** Each violates `messages-to-mcp-endpoint`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(dropsQueryOnPost)]
