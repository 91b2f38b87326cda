// The faulty reference client(s) of `token-in-authorization-header`: SDK sessions with one bug each, proof that the property can fail.
import { faulty, rewriting } from '../../src/clients/faulty/kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/** Sends the access token as `?access_token=` instead of the Authorization header. Violates `token-in-authorization-header`. */
export const tokenInQuery = faulty(
  'faulty:token-in-query',
  'SDK client that moves the bearer token into the query string',
  (config) => ({
    fetch: rewriting((url, headers) => {
      // Only the OAuth token moves: a configured static Authorization stays where the user put it.
      const configured = Object.entries(config.headers).find(([name]) => name.toLowerCase() === 'authorization')?.[1]
      const sent = headers.get('authorization') ?? ''
      const token = /^Bearer (.+)$/.exec(sent)?.[1]
      if (token && !(configured && sent.includes(configured)) && !url.pathname.includes('.well-known')) {
        url.searchParams.set('access_token', token)
        headers.delete('authorization')
      }
    }),
  }),
)

/** Each violates `token-in-authorization-header`; the names after it are what its one bug breaks besides (not false blame). */
// The token appended to the URL's query makes every POST go to a URL that is not the configured one.
export const witnesses: readonly Witness[] = [witness(tokenInQuery, 'messages-to-mcp-endpoint')]
