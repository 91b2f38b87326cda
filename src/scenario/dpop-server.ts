// DPoP on the mock servers (RFC 9449, SEP-1932): the token endpoint wants a proof and binds the
// token to its key; the resource server wants the `DPoP` scheme and a proof with `ath` from that
// key; in `bound+nonce` both first answer `use_dpop_nonce` with a nonce of theirs.
import type { OAuthServer } from '../core/scenario.js'
import { checkDpopProof } from '../spec/dpop-proof.js'
import type { OAuthState } from './oauth-state.js'

/** The nonces the authorization server and the resource server hand out (§8, §9). */
export const AS_DPOP_NONCE = 'harness-as-nonce'
export const RS_DPOP_NONCE = 'harness-rs-nonce'

/** The DPoP signing algorithms the AS advertises (`dpop_signing_alg_values_supported`). */
export const DPOP_ALGS = ['ES256', 'ES384', 'RS256', 'PS256', 'EdDSA']

function dpopOn(oauth: OAuthServer): boolean {
  return (oauth.dpop ?? 'off') !== 'off'
}

/** The AS metadata DPoP adds (RFC 9449 §5.1). */
export function dpopMetadata(oauth: OAuthServer): Record<string, unknown> {
  return dpopOn(oauth) ? { dpop_signing_alg_values_supported: DPOP_ALGS } : {}
}

function tokenError(error: string, description: string, nonce?: string): Response {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'cache-control': 'no-store' }
  if (nonce) headers['dpop-nonce'] = nonce
  return new Response(JSON.stringify({ error, error_description: description }), { status: 400, headers })
}

/**
 * A token request's proof: the key thumbprint to bind the token to (none when DPoP is off), or the
 * error the token endpoint answers (`invalid_dpop_proof`, or `use_dpop_nonce` with a `DPoP-Nonce`).
 */
export function tokenRequestProof(oauth: OAuthServer, request: Request, tokenEndpoint: string): { jkt?: string } | Response {
  if (!dpopOn(oauth)) return {}
  const proof = checkDpopProof(request.headers.get('dpop'), { method: 'POST', url: tokenEndpoint })
  if (typeof proof === 'string') return tokenError('invalid_dpop_proof', proof)
  if (oauth.dpop === 'bound+nonce' && proof.nonce !== AS_DPOP_NONCE)
    return tokenError('use_dpop_nonce', 'the authorization server requires a nonce in the DPoP proof', AS_DPOP_NONCE)
  return { jkt: proof.jkt }
}

/** The scheme of the resource server's challenges: `DPoP` where it wants DPoP-bound tokens. */
export function challengeScheme(oauth: OAuthServer): 'Bearer' | 'DPoP' {
  return dpopOn(oauth) ? 'DPoP' : 'Bearer'
}

/**
 * The resource server's answer to a request that presents a DPoP-bound token wrongly, or undefined
 * when it may pass: Bearer instead of DPoP, no or an invalid proof, a proof by another key, or (in
 * `bound+nonce`) a proof without the server's nonce. `params` are the challenge's other parameters.
 */
export function resourceProofRefusal(
  oauth: OAuthServer,
  state: OAuthState,
  request: Request,
  presented: { scheme: string; token: string },
  params: string,
): Response | undefined {
  const jkt = state.dpopBindings.get(presented.token)
  if (!dpopOn(oauth) || jkt === undefined) return undefined
  const refuse = (error: string, description: string, nonce?: string) => {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'www-authenticate': `DPoP error="${error}", error_description="${description}", algs="${DPOP_ALGS.join(' ')}", ${params}`,
    }
    if (nonce) headers['dpop-nonce'] = nonce
    return new Response(JSON.stringify({ error }), { status: 401, headers })
  }
  if (presented.scheme !== 'dpop') return refuse('invalid_token', 'a DPoP-bound token must be sent with the DPoP scheme')
  const proof = checkDpopProof(request.headers.get('dpop'), {
    method: request.method,
    url: request.url,
    accessToken: presented.token,
  })
  if (typeof proof === 'string') return refuse('invalid_dpop_proof', proof.replaceAll('"', "'"))
  if (proof.jkt !== jkt) return refuse('invalid_dpop_proof', 'the proof is signed by another key than the token is bound to')
  if (oauth.dpop === 'bound+nonce' && proof.nonce !== RS_DPOP_NONCE)
    return refuse('use_dpop_nonce', 'the resource server requires a nonce in the DPoP proof', RS_DPOP_NONCE)
  return undefined
}
