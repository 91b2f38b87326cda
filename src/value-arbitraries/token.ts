import fc from 'fast-check'

const TOKEN_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~'

/**
 * A token-like secret value (RFC 6750 `b64token` characters), 8 to 40 characters.
 *
 * @example
 * fc.sample(tokenArbitrary(), 2) // ['k9_Zq.3x-PL0aa', 'test-key-12345']
 */
export function tokenArbitrary(): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...TOKEN_CHARS), minLength: 8, maxLength: 40 })
}
