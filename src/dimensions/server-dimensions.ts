import type { TrialInput } from '../core/trial-input.js'
import { PROTOCOL_VERSIONS, type ProtocolVersion } from '../core/scenario.js'
import { SERVER_OPTION_LIST } from '../core/server-options.js'
import type { Dimension, DimensionValue } from './dimension.js'
import { protocolVersionsArbitrary } from '../value-arbitraries/protocol-versions.js'

function withPlan(input: TrialInput, change: Partial<TrialInput['plan']>): TrialInput {
  return { ...input, plan: { ...input.plan, ...change } }
}

/** Every version, or exactly one: what decides the negotiated version is whether the client's is listed. */
const VERSION_SETS: DimensionValue[] = ['all', ...PROTOCOL_VERSIONS]

const PROTOCOL_VERSIONS_DIMENSION: Dimension = {
  name: 'protocolVersions',
  part: 'server',
  description: 'the protocol versions the server accepts: all of them, or one',
  values: VERSION_SETS,
  base: 'all',
  get: (input) => {
    const versions = input.plan.protocolVersions
    if (versions.length === PROTOCOL_VERSIONS.length) return 'all'
    return versions.length === 1 ? versions[0] : `several (newest ${versions.at(-1)})`
  },
  set: (input, value) =>
    withPlan(input, { protocolVersions: value === 'all' ? [...PROTOCOL_VERSIONS] : [value as ProtocolVersion] }),
  // The random phase draws any non-empty subset, not only all or one.
  random: protocolVersionsArbitrary().map((protocolVersions) => (input: TrialInput) => withPlan(input, { protocolVersions })),
}

/**
 * The server's dimensions apart from authentication: the versions it accepts, then each option of
 * the table in `core/server-options.ts` (where the endpoint is, what it speaks, how it answers),
 * which needs nothing written here.
 */
export const SERVER_DIMENSIONS: readonly Dimension[] = [
  PROTOCOL_VERSIONS_DIMENSION,
  ...SERVER_OPTION_LIST.map(([name, option]): Dimension => {
    const base = option.values[0]!
    return {
      name,
      part: 'server',
      description: option.description,
      values: option.values,
      base,
      ...(option.appliesWhen ? { appliesWhen: option.appliesWhen } : {}),
      ...(option.weights ? { weights: option.weights } : {}),
      ...(option.searched ? { searched: option.searched } : {}),
      ...(option.modernEraOnly ? { modernEraOnly: option.modernEraOnly } : {}),
      get: (input) => input.plan[name] ?? base,
      set: (input, value) => withPlan(input, { [name]: value }),
    }
  }),
]
