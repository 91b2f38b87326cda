// The signing keys of the parties the harness plays besides the MCP server: the user's machine
// client (its private_key_jwt key, RFC 7523), the enterprise identity provider (SEP-990) and the
// workload's identity issuer (SEP-1933). Each is derived from its party's name, so every process
// has the same keys: a recording judged later, elsewhere, verifies with them, and no key is ever
// written to a file (a saved input names a grant, never a key). Test keys, as public as the
// harness's test API keys: they protect nothing.
import { createECDH, createHash, createPrivateKey, sign, type KeyObject } from 'node:crypto'

/** One P-256 key pair: the private half as PKCS#8 PEM (what a user's config holds), the public as a JWK. */
export interface TestKey {
  privateKey: KeyObject
  privateKeyPem: string
  publicJwk: Record<string, unknown>
}

function derivedKey(party: string): TestKey {
  // A P-256 private scalar from the party's name (below the group order with overwhelming odds,
  // and checked by createPrivateKey); ECDH computes its public point.
  const d = createHash('sha256').update(`mcp-auth-harness test key: ${party}`).digest()
  const ecdh = createECDH('prime256v1')
  ecdh.setPrivateKey(d)
  const point = ecdh.getPublicKey()
  const jwk = {
    kty: 'EC',
    crv: 'P-256',
    x: point.subarray(1, 33).toString('base64url'),
    y: point.subarray(33).toString('base64url'),
  }
  const privateKey = createPrivateKey({ key: { ...jwk, d: d.toString('base64url') }, format: 'jwk' })
  return { privateKey, privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicJwk: jwk }
}

const keys = new Map<string, TestKey>()

/** One party's key, derived on first use. */
export function testKey(party: 'machine-client' | 'identity-provider' | 'workload-issuer'): TestKey {
  let key = keys.get(party)
  if (!key) keys.set(party, (key = derivedKey(party)))
  return key
}

/** A compact JWS (ES256) of `payload` with `header` fields added, signed by the party's key. */
export function signJwt(
  key: Pick<TestKey, 'privateKey'>,
  payload: Record<string, unknown>,
  header: Record<string, unknown> = {},
): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const input = `${part({ alg: 'ES256', ...header })}.${part(payload)}`
  const signature = sign('sha256', Buffer.from(input), { key: key.privateKey, dsaEncoding: 'ieee-p1363' })
  return `${input}.${signature.toString('base64url')}`
}
