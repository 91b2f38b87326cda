import type { TrialInput } from '../core/trial-input.js'
import type { ClientCapabilities } from '../clients/client-under-test.js'
import { dimensionsFor } from '../dimensions/dimensions.js'
import { applies, type Dimension } from '../dimensions/dimension.js'
import { NAMED_SCENARIOS } from '../scenario/named-scenarios.js'
import { baseInput, withValues } from '../dimensions/base-input.js'
import { pairwiseRows, type Factor, type Row } from './covering-array.js'
import { TELLING_ORDER } from './telling-order.js'

/** Which part of the coverage phase an input comes from, for reports. */
export type CoverageStage = 'example' | 'base-choice' | 'pairwise'

export interface CoverageInput {
  input: TrialInput
  stage: CoverageStage
  /** What the input is, in a few words: `static-key-404-discovery × sse × bearer`, `oauth.pkce=absent`. */
  label: string
}

/**
 * The explicit examples: every named scenario (the seed report's server among them) × every
 * transport the client speaks × every canonical header set, on an otherwise basic server.
 */
function explicitExamples(dimensions: readonly Dimension[], transports: readonly string[]): CoverageInput[] {
  const base = baseInput(dimensions)
  // The header sets this client's config can carry (all of them, or a bearer token only).
  const headerSets = dimensions.find((dimension) => dimension.name === 'headers')!.values
  return NAMED_SCENARIOS.flatMap((named) =>
    transports.flatMap((transport) =>
      headerSets.map((headers) => {
        const input = withValues(base, dimensions, { transport, headers })
        return {
          input: { ...input, plan: { ...input.plan, ...named.fuzzPlan } },
          stage: 'example' as const,
          label: `${named.name} × ${transport} × ${headers}`,
        }
      }),
    ),
  )
}

/**
 * Base choice for the server's own behaviour: from the basic server, each value of a server
 * dimension outside auth in turn (a dropped GET stream, a 307, SSE answers, no sessions, …), so a
 * fault that needs only that one value is met on an otherwise plain session, not only in pairwise
 * rows where other values may end the session first.
 */
function serverBaseChoice(dimensions: readonly Dimension[]): CoverageInput[] {
  const base = baseInput(dimensions)
  return dimensions.flatMap((dimension) => {
    if (dimension.part !== 'server' || dimension.name === 'auth' || dimension.appliesWhen?.dimension === 'auth') return []
    if (!applies(dimension, base, dimensions)) return []
    return dimension.values
      .filter((value) => value !== dimension.base)
      .map((value) => ({
        input: dimension.set(base, value),
        stage: 'base-choice' as const,
        label: `${dimension.name}=${String(value)}`,
      }))
  })
}

/** The first revision with an authorization flow, the only one with default endpoints. */
const FIRST_AUTHORIZATION_REVISION = '2025-03-26'

/**
 * Base choice: from a working OAuth server (with an API key configured too, so a header sent to
 * the wrong origin shows), each OAuth value in turn with everything else working. A fault that
 * needs one unusual value on an otherwise successful flow (a step-up scope, a foreign PRM
 * resource, absent PKCE support) is met here whatever the pairs below happen to combine.
 */
function oauthBaseChoice(dimensions: readonly Dimension[]): CoverageInput[] {
  const base = withValues(baseInput(dimensions), dimensions, { auth: 'oauth' })
  const inputs: CoverageInput[] = [{ input: base, stage: 'base-choice', label: 'auth=oauth' }]
  // The 2025-03-26 authorization is a flow of its own: no Protected Resource Metadata, the MCP
  // server's origin its authorization server (metadata there, default endpoints to fall back to).
  // Such a server, once, with everything else working.
  if (dimensions.find((d) => d.name === 'protocolVersions')?.values.includes(FIRST_AUTHORIZATION_REVISION))
    inputs.push({
      input: withValues(base, dimensions, {
        protocolVersions: FIRST_AUTHORIZATION_REVISION,
        'oauth.prm': 'nowhere',
        'oauth.asOrigin': 'same',
      }),
      stage: 'base-choice',
      label: `auth=oauth, protocolVersions=${FIRST_AUTHORIZATION_REVISION}`,
    })
  for (const dimension of dimensions) {
    const from = oauthStart(dimension, dimensions, base)
    if (!from) continue
    for (const value of dimension.values) {
      if (value === dimension.base) continue
      inputs.push({
        input: dimension.set(from.input, value),
        stage: 'base-choice',
        label: `auth=oauth, ${from.label}${dimension.name}=${String(value)}`,
      })
    }
  }
  return inputs
}

/**
 * Where an OAuth base choice of `dimension` starts: the working OAuth input for a dimension of
 * OAuth, or, for one that depends on such a dimension (`oauth.grantRefusal` on `grant`), that
 * input with its parent at the first value that calls for it. Undefined for any other dimension,
 * or when the client cannot take such a parent value.
 */
function oauthStart(
  dimension: Dimension,
  dimensions: readonly Dimension[],
  base: TrialInput,
): { input: TrialInput; label: string } | undefined {
  const isOAuth = (d: Dimension | undefined) => d?.appliesWhen?.dimension === 'auth' && d.appliesWhen.values.includes('oauth')
  if (isOAuth(dimension)) return { input: base, label: '' }
  const parent = dimensions.find((d) => d.name === dimension.appliesWhen?.dimension)
  if (!parent || !isOAuth(parent)) return undefined
  const value = dimension.appliesWhen!.values.find((v) => parent.values.includes(v))
  if (value === undefined) return undefined
  return { input: parent.set(base, value), label: `${parent.name}=${String(value)}, ` }
}

/**
 * Sessions held open where time can tell (a client that can be told to hold them): a GET stream
 * the server refuses with a token the POSTs accept (a refresh-and-reconnect loop grows with time;
 * the SDKs' runs into the harness's 500-request cap within the second), tokens that expire every few
 * requests, a GET stream that drops; held longer, a GET stream refused for a header the config
 * lacks (a client polling it at a polite pace, forever). Measured: each more held input costs its
 * hold per client, so the phase keeps to these four.
 */
const LONG_SESSIONS: ReadonlyArray<{ keepOpen: string; values: Readonly<Record<string, string>> }> = [
  { keepOpen: 'seconds', values: { auth: 'oauth', 'oauth.tokenRefusal': 'get-stream:invalid-token' } },
  { keepOpen: 'seconds', values: { auth: 'oauth', 'oauth.tokenLifetime': 'short' } },
  { keepOpen: 'seconds', values: { getStreamEvents: 'notification-then-drop' } },
  { keepOpen: 'longer', values: { auth: 'static-header', guard: 'get-stream-only', 'static.credential': 'unconfigured' } },
]

function longSessionExamples(dimensions: readonly Dimension[]): CoverageInput[] {
  const keepOpen = dimensions.find((d) => d.name === 'keepOpen')
  if (!keepOpen || keepOpen.values.length < 2) return []
  const base = baseInput(dimensions)
  return LONG_SESSIONS.flatMap(({ keepOpen: length, values }) => {
    const input = withValues(base, dimensions, { ...values, keepOpen: length })
    // A value the client cannot meet (a GET-stream case for an SSE-only client) is no example.
    const fits = Object.entries(values).every(([name, value]) => dimensions.find((d) => d.name === name)?.get(input) === value)
    if (!fits) return []
    const label = `keepOpen=${length}, ${Object.entries(values)
      .map(([name, value]) => `${name}=${value}`)
      .join(', ')}`
    return [{ input, stage: 'example' as const, label }]
  })
}

/** Each dimension as a covering-array factor (values by index, the parent by position). */
function factorsOf(dimensions: readonly Dimension[]): Factor[] {
  return dimensions.map((dimension) => {
    const condition = dimension.appliesWhen
    const parentIndex = condition ? dimensions.findIndex((d) => d.name === condition.dimension) : -1
    const parent = parentIndex < 0 ? undefined : dimensions[parentIndex]!
    return {
      size: dimension.values.length,
      base: Math.max(0, dimension.values.indexOf(dimension.base)),
      ...(parent
        ? {
            parent: {
              index: parentIndex,
              values: condition!.values.map((v) => parent.values.indexOf(v)).filter((i) => i >= 0),
            },
          }
        : {}),
    }
  })
}

/** The row of value indices an input has (its base where a dimension does not apply or the value is not listed). */
function rowOf(input: TrialInput, dimensions: readonly Dimension[]): Row {
  return dimensions.map((dimension) => {
    const index = dimension.values.indexOf(dimension.get(input) as never)
    return index < 0 ? Math.max(0, dimension.values.indexOf(dimension.base)) : index
  })
}

/**
 * The coverage phase's inputs for a client: the explicit examples, the server and OAuth base
 * choices, then pairwise rows until every feasible pair of values of two dimensions has appeared
 * (the rows before count); run with the most telling first (`telling-order.ts`). Deterministic: no
 * seed, the same inputs in the same order on every run.
 *
 * @example
 * coverageInputs(sdkStreamable).length // about 200 for a client with both transports
 */
export function coverageInputs(client: ClientCapabilities): readonly CoverageInput[] {
  // The rows depend only on what the client speaks; building them takes a few hundred ms, so
  // clients alike (and the CLI's header and the run itself) share one build.
  const key = JSON.stringify([
    client.transports,
    client.acceptsOAuthClientId !== false,
    client.configurableHeaders ?? 'any',
    client.grants ?? [],
    client.dpop === true,
    client.keepsOpen === true,
    client.legacyOnly === true,
  ])
  let inputs = built.get(key)
  if (!inputs) built.set(key, (inputs = buildCoverageInputs(client)))
  return inputs
}

const built = new Map<string, CoverageInput[]>()

function buildCoverageInputs(client: ClientCapabilities): CoverageInput[] {
  const dimensions = dimensionsFor(client)
  const fixed = [
    ...explicitExamples(dimensions, client.transports),
    ...serverBaseChoice(dimensions),
    ...oauthBaseChoice(dimensions),
    ...longSessionExamples(dimensions),
  ]
  const base = baseInput(dimensions)
  // A costly dimension stays at its base in the rows: its examples above are where it is met; so
  // does one whose values tell alone, met in the base choice above.
  const paired = dimensions.filter((dimension) => dimension.searched === undefined)
  const pairwise = pairwiseRows(
    factorsOf(paired),
    fixed.map(({ input }) => rowOf(input, paired)),
  ).map((row, i): CoverageInput => ({
    input: withValues(base, dimensions, Object.fromEntries(row.map((value, d) => [paired[d]!.name, paired[d]!.values[value]]))),
    stage: 'pairwise',
    label: `pairwise row ${i + 1}`,
  }))
  return mostTellingFirst([...fixed, ...pairwise])
}

const TELLING_RANK = new Map(TELLING_ORDER.map((label, rank) => [label, rank]))

/**
 * The same inputs, those that most often told a faulty client from a sound one first (measured:
 * `telling-order.ts`), the rest as built: a slow client meets its likeliest faults in its first trials.
 */
function mostTellingFirst(inputs: CoverageInput[]): CoverageInput[] {
  const rank = (input: CoverageInput) => (input.stage === 'pairwise' ? undefined : TELLING_RANK.get(input.label)) ?? Infinity
  return inputs
    .map((input, built) => ({ input, built, rank: rank(input) }))
    .sort((a, b) => a.rank - b.rank || a.built - b.built)
    .map(({ input }) => input)
}
