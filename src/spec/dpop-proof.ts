// A DPoP proof JWT checked against the request it came with (RFC 9449 §4.2, §4.3): what the mock
// resource and authorization servers accept, and what the DPoP properties judge by.
import { ASYMMETRIC_ALGS, accessTokenHashOf, decodeJws, jwkThumbprint, verifyJws } from './jws.js'

/** How far a proof's `iat` may be from now (RFC 9449 §11.1 leaves the window to the server; minutes, as common). */
export const PROOF_WINDOW_SECONDS = 300

/** What a well-formed proof says: its key's thumbprint (for `cnf.jkt` binding), `jti`, and `nonce` if any. */
export interface DpopProof {
  jkt: string
  jti: string
  nonce?: string
}

/** What the proof must match: the request's method and URL, and for a resource request the access token. */
export interface ProofExpectation {
  method: string
  url: string
  /** The access token sent with it (`ath` must be its hash), absent at the token endpoint. */
  accessToken?: string
  /**
   * When the request was made, epoch seconds (default now); null when unknown (a recording judged
   * later), and then `iat` need only be a number.
   */
  at?: number | null
}

/** `htu` compared as RFC 9449 §4.3 says: scheme and host lowercased, default port dropped, no query or fragment. */
function normalisedUri(uri: string): string | undefined {
  try {
    const url = new URL(uri)
    return `${url.protocol}//${url.host}${url.pathname}`
  } catch {
    return undefined
  }
}

/**
 * The proof if the `DPoP` header value is one valid proof for the request, else what is wrong with it
 * (a sentence for a message).
 *
 * @example
 * const checked = checkDpopProof(request.headers.get('dpop'), { method: 'POST', url: tokenEndpoint })
 * if (typeof checked === 'string') return invalidDpopProof(checked)
 */
export function checkDpopProof(header: string | null | undefined, expected: ProofExpectation): DpopProof | string {
  if (!header) return 'no DPoP header'
  // RFC 9449 §4.3 check 1: exactly one proof (fetch joins repeated headers with ", ").
  if (header.includes(',')) return 'more than one DPoP header'
  const jws = decodeJws(header.trim())
  if (!jws) return 'the DPoP header is not a JWT'
  const { header: head, payload } = jws
  if (head.typ !== 'dpop+jwt') return `typ is ${JSON.stringify(head.typ)}, not "dpop+jwt"`
  if (typeof head.alg !== 'string' || !(ASYMMETRIC_ALGS as readonly string[]).includes(head.alg))
    return `alg ${JSON.stringify(head.alg)} is not an asymmetric algorithm`
  const jwk = head.jwk
  if (jwk === null || typeof jwk !== 'object') return 'no jwk in the header'
  if ('d' in jwk) return 'the jwk holds a private key'
  if (!verifyJws(jws, jwk as Record<string, unknown>)) return 'the signature does not verify with the header jwk'
  if (typeof payload.jti !== 'string' || payload.jti === '') return 'no jti'
  if (payload.htm !== expected.method) return `htm is ${JSON.stringify(payload.htm)}, the request is ${expected.method}`
  if (typeof payload.htu !== 'string') return 'no htu'
  if (/[?#]/.test(payload.htu)) return `htu ${payload.htu} has a query or fragment`
  if (normalisedUri(payload.htu) !== normalisedUri(expected.url))
    return `htu is ${payload.htu}, the request went to ${normalisedUri(expected.url)}`
  const now = expected.at === undefined ? Math.floor(Date.now() / 1000) : expected.at
  if (typeof payload.iat !== 'number' || (now !== null && Math.abs(now - payload.iat) > PROOF_WINDOW_SECONDS))
    return `iat ${JSON.stringify(payload.iat)} is not within ${PROOF_WINDOW_SECONDS} s of the request`
  if (expected.accessToken !== undefined && payload.ath !== accessTokenHashOf(expected.accessToken))
    return payload.ath === undefined
      ? 'no ath for the access token sent with it'
      : 'ath is not the hash of the access token sent with it'
  return {
    jkt: jwkThumbprint(jwk as Record<string, unknown>),
    jti: payload.jti,
    ...(typeof payload.nonce === 'string' ? { nonce: payload.nonce } : {}),
  }
}
