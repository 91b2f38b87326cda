import type {
  Challenge,
  GetStreamEvents,
  Guard,
  NotFoundStyle,
  OAuthServer,
  ProtocolVersion,
  Scenario,
} from '../core/scenario.js'

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

/** A Scenario before it meets a ClientConfig: what fast-check generates and shrinks. */
export interface ScenarioPlan {
  /** The endpoint at the configured URL's path, or somewhere else (the seed's root-vs-/mcp mismatch). */
  endpoint: 'at-configured-url' | 'elsewhere'
  protocolVersions: ProtocolVersion[]
  responseMode: Scenario['responseMode']
  getStream: Scenario['getStream']
  sessions: boolean
  deleteAllowed: boolean
  legacyEndpoint: Scenario['legacyEndpoint']
  tools: boolean
  auth: AuthPlan
  /** Which requests the auth requirement guards (absent in inputs saved before it existed: every request). */
  guard?: Guard
  /** What the GET stream carries (absent in older saved inputs: nothing). */
  getStreamEvents?: GetStreamEvents
  /** The server moved to another origin (a 307 there); only without OAuth, whose metadata names the origin. */
  moved: boolean
  notFound: NotFoundStyle
}
