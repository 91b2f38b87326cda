import type { TrialInput } from '../arbitraries/trial-input.js'
import type { ScenarioPlan } from '../scenario/scenario-plan.js'
import { PROTOCOL_VERSIONS, type ProtocolVersion } from '../core/scenario.js'
import { weighted, type Dimension, type DimensionValue } from './dimension.js'
import { protocolVersionsArbitrary } from '../arbitraries/protocol-versions.js'

function withPlan(input: TrialInput, change: Partial<ScenarioPlan>): TrialInput {
  return { ...input, plan: { ...input.plan, ...change } }
}

/** A dimension that is one field of the plan, whose values are its own. */
function planField<K extends keyof ScenarioPlan>(
  key: K,
  description: string,
  values: ReadonlyArray<ScenarioPlan[K] & DimensionValue>,
  appliesWhen?: Dimension['appliesWhen'],
): Dimension {
  return {
    name: key,
    part: 'server',
    description,
    values,
    base: values[0]!,
    ...(appliesWhen ? { appliesWhen } : {}),
    get: (input) => input.plan[key] as DimensionValue,
    set: (input, value) => withPlan(input, { [key]: value } as Partial<ScenarioPlan>),
  }
}

const STREAMABLE = { dimension: 'transport', values: ['streamable-http'] }
const LEGACY_SSE = { dimension: 'transport', values: ['sse'] }

/** Every version, or exactly one: what decides the negotiated version is whether the client's is listed. */
const VERSION_SETS: DimensionValue[] = ['all', ...PROTOCOL_VERSIONS]

/** The server's dimensions apart from authentication: where the endpoint is, what it speaks, how it answers. */
export const SERVER_DIMENSIONS: readonly Dimension[] = [
  weighted(
    planField('endpoint', "the endpoint at the configured URL's path, or elsewhere (the seed's root-vs-/mcp mismatch)", [
      'at-configured-url',
      'elsewhere',
    ]),
    { 'at-configured-url': 5 },
  ),
  {
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
  },
  planField('responseMode', 'Streamable HTTP answers as JSON or as an SSE stream', ['json', 'sse'], STREAMABLE),
  planField('getStream', 'the standalone GET: an SSE stream or 405', ['sse', '405'], STREAMABLE),
  planField('sessions', 'Mcp-Session-Id issued on initialize and required after', [true, false], STREAMABLE),
  planField('deleteAllowed', 'DELETE of the session answered 200 or 405', [true, false], STREAMABLE),
  planField('legacyEndpoint', 'the legacy SSE endpoint event: a relative or absolute URL', ['relative', 'absolute'], LEGACY_SSE),
  planField('tools', 'tools/list lists a tool, so the client calls it', [true, false]),
  {
    weights: { none: 6 },
    ...planField(
      'getStreamEvents',
      'the GET stream carries nothing, a tools/list_changed notification, or one and then drops (resumed with Last-Event-ID) after retry: 0 or retry: 100',
      ['none', 'notification', 'notification-then-drop', 'notification-then-drop-retry-100'],
      STREAMABLE,
    ),
    get: (input) => input.plan.getStreamEvents ?? 'none',
  },
  weighted(
    planField(
      'moved',
      'the server moved to another origin (307); not with OAuth, whose metadata names the origin',
      [false, true],
      {
        dimension: 'auth',
        values: ['none', 'static-header'],
      },
    ),
    { false: 8 },
  ),
  planField('notFound', 'how everything else (well-known URIs, /register) is answered', ['404-json', '404-html']),
]
