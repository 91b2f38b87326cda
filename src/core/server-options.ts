/** A value an option can take. */
type OptionValue = string | boolean

/**
 * One categorical behaviour of the mock server, declared once as data. From it come the plan's
 * field and its type, the saved-input schema's field, the Scenario's field the handlers read, and
 * the search dimension (coverage phase, random draws, `list --dimensions`).
 */
interface ServerOption {
  description: string
  /** Every value, the base first: the simplest, most common one, what a shrunk counterexample falls back to. */
  values: readonly OptionValue[]
  /** Only meaningful when another dimension (declared earlier) has one of these values. */
  appliesWhen?: { dimension: string; values: readonly OptionValue[] }
  /** How often the random phase draws each value (by `String(value)`; 1 when not listed). */
  weights?: Readonly<Record<string, number>>
  /**
   * `plan`: only the plan holds it, and resolveScenario makes something else of it relative to the
   * config (where the endpoint is, which origin the server moved to). By default the Scenario holds
   * it as is, for the handlers.
   */
  slot?: 'plan'
  /**
   * Added after inputs were first saved: older saved inputs lack it (read as the base), and a
   * Scenario carries it only when it is not the base, so printed scenarios stay short.
   */
  optional?: true
  /** `alone`: its values show their fault on a plain session; the coverage phase pairs them with nothing (see Dimension). */
  searched?: 'alone'
  /** Only the 2026-07-28 era's rules look at it: left at its base for a client that never speaks that era. */
  modernEraOnly?: true
}

const STREAMABLE = { dimension: 'transport', values: ['streamable-http'] } as const
const LEGACY_SSE = { dimension: 'transport', values: ['sse'] } as const

/**
 * The server's behaviours apart from authentication and protocol versions, in the order the
 * search meets them. A new behaviour is an entry here and the handler that acts on it.
 *
 * @example
 * // A server that forgets sessions: the entry, then `scenario.sessionExpiry` in the handler.
 * sessionExpiry: { description: 'the session is forgotten…', values: ['never', 'before-tools-call'], appliesWhen: STREAMABLE, optional: true },
 */
export const SERVER_OPTIONS = {
  endpoint: {
    description: "the endpoint at the configured URL's path, or elsewhere (the seed's root-vs-/mcp mismatch)",
    values: ['at-configured-url', 'elsewhere'],
    weights: { 'at-configured-url': 5 },
    slot: 'plan',
  },
  responseMode: {
    description: 'Streamable HTTP answers as JSON or as an SSE stream',
    values: ['json', 'sse'],
    appliesWhen: STREAMABLE,
  },
  getStream: { description: 'the standalone GET: an SSE stream or 405', values: ['sse', '405'], appliesWhen: STREAMABLE },
  sessions: {
    description: 'Mcp-Session-Id issued on initialize and required after',
    values: [true, false],
    appliesWhen: STREAMABLE,
  },
  deleteAllowed: { description: 'DELETE of the session answered 200 or 405', values: [true, false], appliesWhen: STREAMABLE },
  legacyEndpoint: {
    description: 'the legacy SSE endpoint event: a relative or absolute URL',
    values: ['relative', 'absolute'],
    appliesWhen: LEGACY_SSE,
  },
  tools: { description: 'tools/list lists a tool, so the client calls it', values: [true, false] },
  toolName: {
    description:
      "the listed tool's name: plain ASCII (echo) or not (météo), which the 2026-07-28 Mcp-Name header must carry Base64-encoded",
    values: ['ascii', 'non-ascii'],
    appliesWhen: { dimension: 'tools', values: [true] },
    weights: { ascii: 4 },
    optional: true,
    searched: 'alone',
    modernEraOnly: true,
  },
  toolParams: {
    description:
      "the listed tool's parameters: none mirrored, or some marked x-mcp-header (one ASCII, one not, one boolean, one left out of the call), which the 2026-07-28 client mirrors into Mcp-Param-{Name} headers",
    values: ['plain', 'header-params'],
    appliesWhen: { dimension: 'tools', values: [true] },
    weights: { plain: 4 },
    optional: true,
    searched: 'alone',
    modernEraOnly: true,
  },
  getStreamEvents: {
    description:
      'the GET stream carries nothing, a tools/list_changed notification, or one and then drops (resumed with Last-Event-ID) after retry: 0 or retry: 100',
    values: ['none', 'notification', 'notification-then-drop', 'notification-then-drop-retry-100'],
    appliesWhen: STREAMABLE,
    weights: { none: 6 },
    optional: true,
  },
  sessionExpiry: {
    description:
      'the server forgets the session when tools/call arrives (404): the client must initialize a new session, without the old id and with its configured headers',
    values: ['never', 'before-tools-call'],
    appliesWhen: STREAMABLE,
    weights: { never: 4 },
    optional: true,
  },
  modernRefusal: {
    description:
      'the first 2026-07-28 request is refused 400 with a modern JSON-RPC error (UnsupportedProtocolVersion listing what it speaks, or HeaderMismatch), as a server mid-rollout answers: the client retries in the era, not falls back',
    values: ['none', 'unsupported-version', 'header-mismatch'],
    appliesWhen: STREAMABLE,
    weights: { none: 6 },
    optional: true,
    searched: 'alone',
    modernEraOnly: true,
  },
  moved: {
    description: 'the server moved to another origin (307); not with OAuth, whose metadata names the origin',
    values: [false, true],
    appliesWhen: { dimension: 'auth', values: ['none', 'static-header'] },
    weights: { false: 8 },
    slot: 'plan',
  },
  notFound: { description: 'how everything else (well-known URIs, /register) is answered', values: ['404-json', '404-html'] },
} as const satisfies Record<string, ServerOption>

type Options = typeof SERVER_OPTIONS
type OptionName = keyof Options
type ValueOf<K extends OptionName> = Options[K]['values'][number]
type OptionalName = { [K in OptionName]: Options[K] extends { optional: true } ? K : never }[OptionName]
type ScenarioName = { [K in OptionName]: Options[K] extends { slot: 'plan' } ? never : K }[OptionName]

/** The options as a plan holds them (those added later may be absent: the base). */
export type PlanOptions = { [K in Exclude<OptionName, OptionalName>]: ValueOf<K> } & { [K in OptionalName]?: ValueOf<K> }

/** The options a Scenario holds for its handlers. */
export type ScenarioOptions = Pick<PlanOptions, ScenarioName>

/** Each option with its name, in declaration order. */
export const SERVER_OPTION_LIST = Object.entries(SERVER_OPTIONS) as ReadonlyArray<[OptionName, ServerOption]>

/** The options a Scenario holds, read from a plan: each value, those added later only when not the base. */
export function scenarioOptionsOf(plan: Partial<PlanOptions>): ScenarioOptions {
  const options: Record<string, OptionValue> = {}
  for (const [name, option] of SERVER_OPTION_LIST) {
    if (option.slot === 'plan') continue
    const value = plan[name] ?? option.values[0]!
    if (option.optional && value === option.values[0]) continue
    options[name] = value
  }
  return options as ScenarioOptions
}

/** Every option at its base, as a plan holds it (those added later left out: absent is the base). */
export const BASE_PLAN_OPTIONS = Object.fromEntries(
  SERVER_OPTION_LIST.filter(([, option]) => !option.optional).map(([name, option]) => [name, option.values[0]]),
) as PlanOptions
