// One client rule of the MCP spec (transport and authorization pages, with the RFC rules they adopt),
// and how the harness stands to it: the properties that judge it, the reason traffic cannot show it,
// or, honestly, that no property judges it yet.
import type { SpecVersion } from './property.js'

/** The RFC 2119 keyword of a rule (REQUIRED is MUST). */
export type RuleLevel = 'MUST' | 'MUST NOT' | 'SHOULD' | 'SHOULD NOT' | 'MAY'

/**
 * A client rule, once for every revision that states it.
 *
 * @example
 * const rule: SpecRule = {
 *   id: 'session/new-after-404',
 *   page: 'transports',
 *   section: 'Session Management',
 *   revisions: ['2025-03-26', '2025-06-18', '2025-11-25'],
 *   level: 'MUST',
 *   text: 'On a 404 to a request carrying Mcp-Session-Id, the client starts a new session: a new InitializeRequest without a session id.',
 *   judgedBy: ['session-restarted-after-404'],
 * }
 */
export interface SpecRule {
  /** `area/what`, stable: properties, docs and reports name rules by it. */
  id: string
  page: 'transports' | 'authorization'
  /** The section that states it, as the page titles it. */
  section: string
  /** Every revision that states it (a rule a later revision removed ends there). */
  revisions: readonly SpecVersion[]
  level: RuleLevel
  /** The rule, quoted where it fits in a line, else closely paraphrased. */
  text: string
  /** The properties that judge it. */
  judgedBy?: readonly string[]
  /** Why no property can judge it from the HTTP traffic (it is about storage, UI, stdio or the server). */
  reason?: string
  /** A rule traffic could show that no property judges yet: what the property would check. */
  notYetJudged?: string
}
