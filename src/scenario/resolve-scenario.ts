import type { ClientConfig } from '../core/client-config.js'
import type { AuthRequirement, Scenario } from '../core/scenario.js'
import { scenarioOptionsOf } from '../core/server-options.js'
import type { AuthPlan, ScenarioPlan } from '../core/trial-input.js'
import { IDP_ORIGIN } from '../credentials/grant-credentials.js'

/** Header names the server may require that a config is unlikely to hold. */
const UNCONFIGURED_NAMES = ['X-API-Key', 'Authorization', 'X-Auth-Token', 'X-Server-Key']

/** The other origin an authorization server lives on (https: the v2 SDK refuses plain-http token endpoints). */
export const OTHER_AS_ORIGIN = 'https://auth.test'

/** The authorization server a resource migrates to (`migration: mid-session`). */
export const NEW_AS_ORIGIN = 'https://auth-new.test'

/** The origin a moved MCP server answers from. */
export const MOVED_ORIGIN = 'https://moved.test'

/** A client id the config does not have: the one a pre-registration-only AS knows when the config brings none. */
const SOMEONE_ELSES_CLIENT = 'client-registered-by-someone-else'

function resolveAuth(plan: AuthPlan, config: ClientConfig, origin: string): AuthRequirement {
  if (plan.kind === 'none') return plan
  if (plan.kind === 'oauth') {
    // The AS knows a client the user configured; a pre-registration-only AS knows only such a client.
    const preRegistered =
      config.oauthClientId ?? (plan.oauth.registration === 'pre-registered' ? SOMEONE_ELSES_CLIENT : undefined)
    const { migration, ...oauth } = plan.oauth
    const asOrigin = oauth.asOrigin === 'same' ? origin : OTHER_AS_ORIGIN
    return {
      kind: 'oauth',
      oauth: {
        ...oauth,
        asOrigin,
        ...(preRegistered === undefined ? {} : { preRegisteredClientId: preRegistered }),
        ...(migration === 'mid-session' ? { migratesTo: NEW_AS_ORIGIN } : {}),
        ...(config.grant ? { machineGrant: config.grant } : {}),
        ...(config.grant === 'enterprise-managed' ? { identityProvider: config.identityProvider ?? IDP_ORIGIN } : {}),
      },
    }
  }
  const entries = Object.entries(config.headers)
  const chosen = entries[plan.pick % Math.max(entries.length, 1)]
  if (plan.credential !== 'unconfigured' && chosen) {
    const [header, value] = chosen
    return {
      kind: 'static-header',
      header,
      value:
        plan.credential === 'configured' ? value : `${value.startsWith('Bearer ') ? 'Bearer ' : ''}server-wants-another-value`,
      challenge: plan.challenge,
    }
  }
  const taken = new Set(entries.map(([name]) => name.toLowerCase()))
  const header = UNCONFIGURED_NAMES.find((name) => !taken.has(name.toLowerCase())) ?? 'X-Harness-Required'
  const value = header === 'Authorization' ? 'Bearer server-only-token' : 'server-only-key'
  return { kind: 'static-header', header, value, challenge: plan.challenge }
}

/**
 * Makes a ScenarioPlan concrete for a config: the server lives at the config's origin and speaks
 * its transport; its endpoint path and required credential are chosen relative to the config; its
 * options (`core/server-options.ts`) pass through as they are.
 *
 * @example
 * resolveScenario(config, plan).endpointPath // '/mcp' when the plan says 'elsewhere' and config.url is root
 */
export function resolveScenario(config: ClientConfig, plan: ScenarioPlan): Scenario {
  const url = new URL(config.url)
  const endpointPath = plan.endpoint === 'at-configured-url' ? url.pathname : url.pathname === '/mcp' ? '/' : '/mcp'
  return {
    origin: url.origin,
    endpointPath,
    transport: config.transport,
    protocolVersions: plan.protocolVersions,
    ...scenarioOptionsOf(plan),
    auth: resolveAuth(plan.auth, config, url.origin),
    ...(plan.guard && plan.guard !== 'every-request' && plan.auth.kind !== 'none' ? { guard: plan.guard } : {}),
    ...(plan.moved && plan.auth.kind !== 'oauth' ? { movedTo: MOVED_ORIGIN } : {}),
  }
}
