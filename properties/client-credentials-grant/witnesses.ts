// The faulty reference client(s) of `client-credentials-grant`: v2 SDK sessions with one bug each, proof that the property can fail.
import { faultyV2 } from '../../src/clients/faulty/sdk2-kit.js'
import { HeadlessOAuthProvider } from '../../src/clients/headless-oauth-provider.js'
import type { OAuthClientProvider } from '@modelcontextprotocol/client'
import { witness, type Witness } from '../../src/property/witness.js'

/**
 * Takes a client credentials config but goes on as an interactive app: registers and sends the
 * user to the authorization page, as a client without the extension would.
 */
export const ignoresClientCredentials = faultyV2(
  'faulty:ignores-client-credentials',
  'v2 SDK client told of client credentials that runs the authorization code flow anyway',
  { grants: ['client-credentials-basic', 'client-credentials-jwt'] },
  () => undefined,
  (config) => new HeadlessOAuthProvider(config) as unknown as OAuthClientProvider,
)

/** Each violates `client-credentials-grant`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(ignoresClientCredentials, 'client-authentication-as-configured')]
