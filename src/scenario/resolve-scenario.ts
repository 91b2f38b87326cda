import type { ClientConfig } from '../config/client-config.js'
import type { AuthRequirement, Scenario } from './scenario.js'
import type { AuthPlan, ScenarioPlan } from './scenario-plan.js'

/** Header names the server may require that a config is unlikely to hold. */
const UNCONFIGURED_NAMES = ['X-API-Key', 'Authorization', 'X-Auth-Token', 'X-Server-Key']

/** The other origin an authorization server lives on (https: the v2 SDK refuses plain-http token endpoints). */
export const OTHER_AS_ORIGIN = 'https://auth.test'

function resolveAuth(plan: AuthPlan, headers: Record<string, string>, origin: string): AuthRequirement {
  if (plan.kind === 'none') return plan
  if (plan.kind === 'oauth')
    return { kind: 'oauth', oauth: { ...plan.oauth, asOrigin: plan.oauth.asOrigin === 'same' ? origin : OTHER_AS_ORIGIN } }
  const entries = Object.entries(headers)
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
 * its transport; its endpoint path and required credential are chosen relative to the config.
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
    responseMode: plan.responseMode,
    getStream: plan.getStream,
    sessions: plan.sessions,
    deleteAllowed: plan.deleteAllowed,
    legacyEndpoint: plan.legacyEndpoint,
    tools: plan.tools,
    auth: resolveAuth(plan.auth, config.headers, url.origin),
    notFound: plan.notFound,
  }
}
