// The faulty reference client(s) of `refresh-token-rotation`: SDK sessions with one bug each, proof that the property can fail.
import { faulty } from '../../src/clients/faulty/kit.js'
import { HeadlessOAuthProvider } from '../../src/clients/headless-oauth-provider.js'
import { witness, type Witness } from '../../src/property/witness.js'

type Tokens = Parameters<HeadlessOAuthProvider['saveTokens']>[0]

/** An app that stores the refresh token of the first grant only, and keeps it when a refresh brings a new one. */
class FirstRefreshTokenProvider extends HeadlessOAuthProvider {
  private first: string | undefined
  override saveTokens(tokens: Tokens): void {
    this.first ??= tokens.refresh_token
    super.saveTokens(this.first ? { ...tokens, refresh_token: this.first } : tokens)
  }
}

/** Refreshes with a refresh token the server already replaced. Violates `refresh-token-rotation`. */
export const keepsOldRefreshToken = faulty(
  'faulty:keeps-old-refresh-token',
  'SDK client that keeps refreshing with its first refresh token after the server rotated it',
  (config) => ({ authProvider: new FirstRefreshTokenProvider(config) }),
)

/** Each violates `refresh-token-rotation`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(keepsOldRefreshToken)]
