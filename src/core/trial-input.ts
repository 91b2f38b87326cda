import type { ClientConfig } from './client-config.js'
import type { Challenge, Guard, OAuthServer, ProtocolVersion } from './scenario.js'
import type { PlanOptions } from './server-options.js'

/**
 * Which credential the server wants, relative to the client's config, so that one plan means the
 * same thing for any config: one of the configured headers with its value (`configured`, the config
 * satisfies the server), the same header with another value (`wrong-value`), or a header the config
 * does not have (`unconfigured`). `pick` chooses among the configured headers.
 */
export type AuthPlan =
  | { kind: 'none' }
  | { kind: 'static-header'; credential: 'configured' | 'wrong-value' | 'unconfigured'; pick: number; challenge: Challenge }
  | { kind: 'oauth'; oauth: OAuthPlan }

/**
 * An OAuthServer before it meets a config: the authorization server on the MCP origin or another
 * one, and whether the resource moves to a new authorization server mid-session.
 */
export type OAuthPlan = Omit<
  OAuthServer,
  'asOrigin' | 'preRegisteredClientId' | 'migratesTo' | 'machineGrant' | 'identityProvider'
> & {
  asOrigin: 'same' | 'other'
  migration?: 'none' | 'mid-session'
}

/**
 * A Scenario before it meets a ClientConfig: what fast-check generates and shrinks. Its options
 * (`PlanOptions`) come from the table in `server-options.ts`.
 */
export interface ScenarioPlan extends PlanOptions {
  protocolVersions: ProtocolVersion[]
  auth: AuthPlan
  /** Which requests the auth requirement guards (absent in inputs saved before it existed: every request). */
  guard?: Guard
}

/** What one trial is generated from: the client's config and the server's plan. */
export interface TrialInput {
  config: ClientConfig
  plan: ScenarioPlan
}
