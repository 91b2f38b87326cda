import type { TrialInput } from '../core/trial-input.js'
import { PROTOCOL_VERSIONS } from '../core/scenario.js'
import { BASE_PLAN_OPTIONS } from '../core/server-options.js'
import type { Dimension } from './dimension.js'

/** Every dimension at its base: a Streamable HTTP client with an API key, at /mcp of a server without auth. */
export function baseInput(dimensions: readonly Dimension[]): TrialInput {
  const skeleton: TrialInput = {
    config: { transport: 'streamable-http', url: 'http://mcp.test/mcp', headers: {} },
    plan: { ...BASE_PLAN_OPTIONS, protocolVersions: [...PROTOCOL_VERSIONS], auth: { kind: 'none' } },
  }
  return withValues(skeleton, dimensions, Object.fromEntries(dimensions.map((d) => [d.name, d.base])))
}

/**
 * The input with the named dimensions set, parents before children (a child only where it applies).
 *
 * @example
 * withValues(baseInput(dimensions), dimensions, { auth: 'oauth', 'oauth.pkce': 'absent' })
 */
export function withValues(input: TrialInput, dimensions: readonly Dimension[], values: Record<string, unknown>): TrialInput {
  const ordered = [...dimensions].sort((a, b) => Number(!!a.appliesWhen) - Number(!!b.appliesWhen))
  let result = input
  for (const dimension of ordered) {
    if (!(dimension.name in values)) continue
    const condition = dimension.appliesWhen
    if (condition) {
      const parent = dimensions.find((d) => d.name === condition.dimension)!
      if (!condition.values.includes(parent.get(result)!)) continue
    }
    result = dimension.set(result, values[dimension.name] as never)
  }
  return result
}
