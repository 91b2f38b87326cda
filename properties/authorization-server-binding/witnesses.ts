// The faulty reference clients of `authorization-server-binding`: SDK sessions with one bug each, proof that the property can fail.
import { faulty } from '../../src/clients/faulty/kit.js'
import { HeadlessOAuthProvider } from '../../src/clients/headless-oauth-provider.js'
import { witness, type Witness } from '../../src/property/witness.js'

/**
 * Keeps the authorization server it discovered first: the v1 SDK as shipped with a provider that
 * persists discovery state (as the v2 SDK requires of one). On `invalid_token` it refreshes at the
 * old server without reading the Protected Resource Metadata the challenge names, so a resource
 * that moved to another authorization server is never followed. Violates `authorization-server-binding`.
 */
export const keepsAuthorizationServer = faulty(
  'faulty:keeps-authorization-server',
  'SDK client that asks its first authorization server for new tokens without re-reading the resource metadata (the v1 SDK with cached discovery)',
  () => ({}),
)

/**
 * A provider that re-discovers every time but stores its registered client without the issuer the
 * SDK stamped on it (as apps that persist only `client_id` and `client_secret` do), so the SDK
 * cannot tell which authorization server the client belongs to.
 */
class UnboundClientProvider extends HeadlessOAuthProvider {
  override saveDiscoveryState(): void {}
  override discoveryState(): undefined {
    return undefined
  }
  override saveClientInformation(info: Parameters<HeadlessOAuthProvider['saveClientInformation']>[0]): void {
    const { issuer: _, ...unbound } = info as typeof info & { issuer?: string }
    super.saveClientInformation(unbound)
  }
}

/**
 * Follows the resource to its new authorization server but presents the client id the old one
 * registered there. Violates `authorization-server-binding`.
 */
export const reusesClientAcrossServers = faulty(
  'faulty:reuses-client-across-servers',
  'SDK client that presents a client id one authorization server registered to another',
  (config) => ({ authProvider: new UnboundClientProvider(config) }),
)

/** Each violates `authorization-server-binding`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(keepsAuthorizationServer), witness(reusesClientAcrossServers)]
