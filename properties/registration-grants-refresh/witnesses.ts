// The faulty reference client(s) of `registration-grants-refresh`: SDK sessions with one bug each, proof that the property can fail.
import type { OAuthClientMetadata } from '@modelcontextprotocol/sdk/shared/auth.js'
import { faulty } from '../../src/clients/faulty/kit.js'
import { HeadlessOAuthProvider } from '../../src/clients/headless-oauth-provider.js'
import { witness, type Witness } from '../../src/property/witness.js'

/** Registers for the authorization code grant only, and refreshes all the same. */
class CodeOnlyProvider extends HeadlessOAuthProvider {
  override get clientMetadata(): OAuthClientMetadata {
    return { ...super.clientMetadata, grant_types: ['authorization_code'] }
  }
}

/** Leaves refresh_token out of its registered grant_types, then refreshes. Violates `registration-grants-refresh`. */
export const registersWithoutRefresh = faulty(
  'faulty:registers-without-refresh',
  'SDK client whose dynamic client registration lists only authorization_code, though it refreshes its tokens',
  (config) => ({ authProvider: new CodeOnlyProvider(config) }),
)

/** Each violates `registration-grants-refresh`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(registersWithoutRefresh)]
