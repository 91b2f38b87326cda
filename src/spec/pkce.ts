// PKCE (RFC 7636) as the judge reads it: what challenge a verifier answers to. Written apart from the
// mock authorization server's own check, so judge and server never share the code under test.
import { createHash } from 'node:crypto'

/**
 * The code challenge a verifier answers to under `method` (RFC 7636 §4.2): `S256`,
 * BASE64URL(SHA256(ASCII(verifier))); `plain`, the verifier itself.
 *
 * @example
 * pkceChallengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk', 'S256') // 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'
 */
export function pkceChallengeOf(verifier: string, method: string): string {
  return method === 'S256' ? createHash('sha256').update(verifier, 'ascii').digest('base64url') : verifier
}
