// What a config's grant hands the client: the test credentials of a machine client, an enterprise
// user's ID token, a workload's identity token. The mock authorization server and identity
// provider know the same values, so a client that uses them as configured is let in.
import type { ClientConfig, GrantCredentials } from '../core/client-config.js'
import { signJwt, testKey } from './test-keys.js'

/** The client id and secret a machine client (client credentials, enterprise-managed) is configured with. */
export const MACHINE_CLIENT_ID = 'machine-client'
export const MACHINE_CLIENT_SECRET = 'machine-secret-12345'
/** The workload's client id (SEP-1933: a public client, the assertion is its credential). */
export const WORKLOAD_CLIENT_ID = 'workload-client'
/** The enterprise IdP's default origin, and the client id the user's app has there. */
export const IDP_ORIGIN = 'https://idp.test'
export const IDP_CLIENT_ID = 'idp-client'
export const ENTERPRISE_USER = 'user@enterprise.test'
/**
 * The audience a workload token names for the authorization server: RFC 7523 §3 lets an AS
 * identify itself by any value it recognises, so the token need not know the AS's URL in advance.
 */
export const WORKLOAD_AUDIENCE = 'urn:mcp-auth-harness:authorization-server'
export const WORKLOAD_ISSUER = 'https://workload-issuer.test'

/**
 * The credentials a config's grant brings: its own (`config.credentials`), else the harness's test
 * ones; undefined for the authorization code grant. Test tokens are minted now (valid for minutes), signed by the harness's test keys.
 *
 * @example
 * const credentials = grantCredentials({ ...config, grant: 'client-credentials-basic' })
 * new ClientCredentialsProvider({ clientId: credentials.clientId, clientSecret: credentials.clientSecret })
 */
export function grantCredentials(
  config: Pick<ClientConfig, 'grant' | 'identityProvider' | 'credentials'>,
): GrantCredentials | undefined {
  if (config.credentials?.grant === config.grant) return config.credentials
  const now = Math.floor(Date.now() / 1000)
  switch (config.grant) {
    case undefined:
      return undefined
    case 'client-credentials-basic':
      return { grant: config.grant, clientId: MACHINE_CLIENT_ID, clientSecret: MACHINE_CLIENT_SECRET }
    case 'client-credentials-jwt':
      return {
        grant: config.grant,
        clientId: MACHINE_CLIENT_ID,
        privateKeyPem: testKey('machine-client').privateKeyPem,
        signingAlg: 'ES256',
      }
    case 'enterprise-managed': {
      const idp = config.identityProvider ?? IDP_ORIGIN
      const idToken = signJwt(testKey('identity-provider'), {
        iss: idp,
        sub: ENTERPRISE_USER,
        aud: IDP_CLIENT_ID,
        email: ENTERPRISE_USER,
        iat: now,
        exp: now + 3600,
      })
      return {
        grant: config.grant,
        clientId: MACHINE_CLIENT_ID,
        clientSecret: MACHINE_CLIENT_SECRET,
        idpTokenEndpoint: `${idp}/token`,
        idpClientId: IDP_CLIENT_ID,
        idToken,
      }
    }
    case 'workload-identity': {
      const assertion = signJwt(testKey('workload-issuer'), {
        iss: WORKLOAD_ISSUER,
        sub: 'spiffe://cluster.test/ns/default/sa/mcp-agent',
        aud: WORKLOAD_AUDIENCE,
        iat: now,
        exp: now + 300,
        jti: crypto.randomUUID(),
      })
      return { grant: config.grant, clientId: WORKLOAD_CLIENT_ID, assertion }
    }
  }
}
