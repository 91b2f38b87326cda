// Reading and verifying JSON Web Signatures (RFC 7515) in compact form, written here rather than
// taken from a JOSE library: the clients under test sign with one (jose), and the judge must not
// share parsing code with what it judges.
import { constants, createHash, createPublicKey, verify, type JsonWebKey, type KeyObject } from 'node:crypto'

/** A compact JWS split into its parts; `header` and `payload` are the decoded JSON objects. */
export interface DecodedJws {
  header: Record<string, unknown>
  payload: Record<string, unknown>
  /** `BASE64URL(header).BASE64URL(payload)`: what the signature covers. */
  signingInput: string
  signature: Buffer
}

function jsonPart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/**
 * A compact JWS's parts, or undefined when it is not three base64url parts with JSON objects first.
 *
 * @example
 * decodeJws(assertion)?.payload.iss // 'machine-client'
 */
export function decodeJws(token: string): DecodedJws | undefined {
  const parts = token.split('.')
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) return undefined
  const header = jsonPart(parts[0]!)
  const payload = jsonPart(parts[1]!)
  if (!header || !payload) return undefined
  return { header, payload, signingInput: `${parts[0]}.${parts[1]}`, signature: Buffer.from(parts[2]!, 'base64url') }
}

/** A JWT's `aud` as a list (RFC 7519 §4.1.3: one string or an array of them). */
export function audiencesOf(jws: DecodedJws): string[] {
  const aud = jws.payload.aud
  return (Array.isArray(aud) ? aud : [aud]).filter((a): a is string => typeof a === 'string')
}

/** The asymmetric JWS algorithms (RFC 7518 §3.1, RFC 8037) a proof or assertion may use; never `none` or HMAC. */
export const ASYMMETRIC_ALGS = ['ES256', 'ES384', 'ES512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'EdDSA'] as const

function publicKey(jwk: Record<string, unknown>): KeyObject | undefined {
  try {
    return createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' })
  } catch {
    return undefined
  }
}

/**
 * Whether the JWS's signature verifies with the public JWK under the algorithm its header names
 * (one of ASYMMETRIC_ALGS; anything else does not verify).
 */
export function verifyJws(jws: DecodedJws, jwk: Record<string, unknown>): boolean {
  const alg = jws.header.alg
  const key = publicKey(jwk)
  if (!key || typeof alg !== 'string' || !(ASYMMETRIC_ALGS as readonly string[]).includes(alg)) return false
  const data = Buffer.from(jws.signingInput)
  const hash = alg === 'EdDSA' ? null : `sha${alg.slice(2)}`
  try {
    if (alg.startsWith('ES')) return verify(hash, data, { key, dsaEncoding: 'ieee-p1363' }, jws.signature)
    if (alg.startsWith('PS'))
      return verify(
        hash,
        data,
        { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST },
        jws.signature,
      )
    return verify(hash, data, key, jws.signature)
  } catch {
    return false
  }
}

/** The JWK SHA-256 thumbprint (RFC 7638 §3): the required members in lexicographic order, no spaces. */
export function jwkThumbprint(jwk: Record<string, unknown>): string {
  const required: Record<string, readonly string[]> = {
    EC: ['crv', 'kty', 'x', 'y'],
    RSA: ['e', 'kty', 'n'],
    OKP: ['crv', 'kty', 'x'],
  }
  const members = required[String(jwk.kty)] ?? []
  const canonical = `{${members.map((m) => `${JSON.stringify(m)}:${JSON.stringify(jwk[m])}`).join(',')}}`
  return createHash('sha256').update(canonical).digest('base64url')
}

/** The `ath` of a DPoP proof (RFC 9449 §4.2): base64url SHA-256 of the access token's ASCII. */
export function accessTokenHashOf(token: string): string {
  return createHash('sha256').update(token, 'ascii').digest('base64url')
}
