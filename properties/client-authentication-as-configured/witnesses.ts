// The faulty reference client(s) of `client-authentication-as-configured`: v2 SDK sessions with one bug each, proof that the property can fail.
import { editingForms, faultyV2 } from '../../src/clients/faulty/sdk2-kit.js'
import { createPrivateKey } from 'node:crypto'
import { grantCredentials } from '../../src/credentials/grant-credentials.js'
import { signJwt } from '../../src/credentials/test-keys.js'
import { decodeJws } from '../../src/spec/jws.js'
import { witness, type Witness } from '../../src/property/witness.js'

/** Sends its client secret in the body (client_secret_post) where it was configured for HTTP Basic. */
export const secretInBody = faultyV2(
  'faulty:secret-in-body',
  'v2 SDK client credentials client that moves its secret from HTTP Basic into the token request body',
  { grants: ['client-credentials-basic'] },
  () =>
    editingForms((url, form, headers) => {
      const basic = /^Basic (.+)$/i.exec(headers.get('authorization') ?? '')?.[1]
      if (!url.pathname.endsWith('/token') || !basic) return
      const decoded = atob(basic)
      const colon = decoded.indexOf(':')
      headers.delete('authorization')
      form.set('client_id', decodeURIComponent(decoded.slice(0, colon)))
      form.set('client_secret', decodeURIComponent(decoded.slice(colon + 1)))
    }),
)

/** Signs its client assertion with `iss` set to its app name rather than its client id (RFC 7523 §3 wants the client id). */
export const assertionIssuerNotClientId = faultyV2(
  'faulty:assertion-issuer-not-client-id',
  'v2 SDK private key JWT client whose assertion names the app, not the client id, as iss',
  { grants: ['client-credentials-jwt'] },
  (config) => {
    // Signed with the key it was configured with (the harness's test key, or the suite's).
    const credentials = grantCredentials(config)
    if (credentials?.grant !== 'client-credentials-jwt') return undefined
    const key = { privateKey: createPrivateKey(credentials.privateKeyPem) }
    return editingForms((url, form) => {
      const assertion = decodeJws(form.get('client_assertion') ?? '')
      if (!url.pathname.endsWith('/token') || !assertion) return
      form.set('client_assertion', signJwt(key, { ...assertion.payload, iss: 'mcp-auth-harness-app' }, assertion.header))
    })
  },
)

/** Each violates `client-authentication-as-configured`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(secretInBody), witness(assertionIssuerNotClientId)]
