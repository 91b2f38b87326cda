import fc from 'fast-check'
import { headerNameArbitrary } from './header-name.js'
import { tokenArbitrary } from './token.js'

/**
 * 0 to 5 configured headers with distinct names (ignoring case), as a user writes them in a config:
 * `Authorization` gets `Bearer <token>`, every other name a bare token. Shrinks towards no headers.
 *
 * @example
 * fc.sample(headersArbitrary(), 1) // [{ 'x-api-KEY': 'q8Ls0P.kd', Authorization: 'Bearer 3jf…' }]
 */
export function headersArbitrary(): fc.Arbitrary<Record<string, string>> {
  const entry = fc
    .tuple(headerNameArbitrary(), tokenArbitrary())
    .map(([name, token]): [string, string] => [name, name.toLowerCase() === 'authorization' ? `Bearer ${token}` : token])
  return fc
    .uniqueArray(entry, { maxLength: 5, selector: ([name]) => name.toLowerCase() })
    .map((entries) => Object.fromEntries(entries))
}
