import fc from 'fast-check'
import type { OAuthPlan } from '../scenario/scenario-plan.js'

/**
 * An OAuth-protected server and its authorization server: the challenge, where the PRM lives and
 * what it names, where the AS is and which metadata it serves, PKCE support, how clients register
 * and authenticate, the scope in the 401, a step-up scope for tools/call, whether the server accepts the token it issued, whether it revokes the first one mid-session, and whether the token endpoint honours refresh tokens. Each shrinks to the common, working case.
 *
 * @example
 * fc.sample(oauthPlanArbitrary(), 1) // [{ challenge: 'resource-metadata', prm: 'path-inserted', … }]
 */
export function oauthPlanArbitrary(): fc.Arbitrary<OAuthPlan> {
  return fc
    .record({
      challenge: fc.constantFrom('resource-metadata' as const, 'bare' as const, 'none' as const),
      prm: fc.constantFrom('path-inserted' as const, 'hinted-custom' as const, 'root' as const, 'nowhere' as const),
      prmResource: fc.oneof(
        { withCrossShrink: true },
        { weight: 5, arbitrary: fc.constant('exact' as const) },
        { weight: 1, arbitrary: fc.constant('mismatch' as const) },
      ),
      asOrigin: fc.constantFrom('other' as const, 'same' as const),
      issuerPath: fc.constantFrom('', '/tenant1'),
      asMetadata: fc.constantFrom('oauth' as const, 'oidc' as const),
      pkce: fc.oneof(
        { withCrossShrink: true },
        { weight: 6, arbitrary: fc.constant('S256' as const) },
        { weight: 1, arbitrary: fc.constant('absent' as const) },
        { weight: 1, arbitrary: fc.constant('plain-only' as const) },
      ),
      registration: fc.oneof(
        { withCrossShrink: true },
        { weight: 4, arbitrary: fc.constant('dcr' as const) },
        { weight: 1, arbitrary: fc.constant('cimd' as const) },
        { weight: 1, arbitrary: fc.constant('pre-registered' as const) },
      ),
      tokenAuth: fc.oneof(
        { withCrossShrink: true },
        { weight: 4, arbitrary: fc.constant('none' as const) },
        { weight: 1, arbitrary: fc.constant('client_secret_basic' as const) },
        { weight: 1, arbitrary: fc.constant('client_secret_post' as const) },
      ),
      stepUpScope: fc.option(fc.constant('mcp:write'), { nil: undefined, freq: 3 }),
      challengeScope: fc.option(fc.constant('mcp:read'), { nil: undefined, freq: 3 }),
      tokenAccepted: fc.oneof(
        { withCrossShrink: true },
        { weight: 6, arbitrary: fc.constant(true) },
        { weight: 1, arbitrary: fc.constant(false) },
      ),
      tokenRevoked: fc.oneof(
        { withCrossShrink: true },
        { weight: 4, arbitrary: fc.constant(false) },
        { weight: 1, arbitrary: fc.constant(true) },
      ),
      refresh: fc.oneof(
        { withCrossShrink: true },
        { weight: 4, arbitrary: fc.constant('accepted' as const) },
        { weight: 1, arbitrary: fc.constant('refused' as const) },
      ),
    })
    .map(({ challengeScope, stepUpScope, ...rest }) => ({
      ...rest,
      ...(challengeScope === undefined ? {} : { challengeScope }),
      ...(stepUpScope === undefined ? {} : { stepUpScope }),
    }))
}
