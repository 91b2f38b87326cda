import type { TrialInput } from '../core/trial-input.js'
import {
  CONFIGURED_GRANTS,
  PRE_REGISTERED_CLIENT_ID,
  TRANSPORTS,
  type ConfiguredGrant,
  type Transport,
} from '../core/client-config.js'
import { IDP_ORIGIN } from '../credentials/grant-credentials.js'
import {
  composeMcpUrl,
  parseMcpUrl,
  URL_HOSTS,
  URL_PATHS,
  URL_PORTS,
  URL_QUERIES,
  URL_SCHEMES,
  type McpUrlParts,
} from '../config/mcp-url-parts.js'
import { weighted, type Dimension, type DimensionValue } from './dimension.js'
import { headersArbitrary } from '../value-arbitraries/headers.js'
import { tokenArbitrary } from '../value-arbitraries/token.js'
import fc from 'fast-check'

/**
 * The canonical header sets a config is tried with: none, an API key, a bearer token, and several
 * headers in mixed case (the case a user typed must survive).
 */
export const HEADER_SETS: Record<string, Record<string, string>> = {
  none: {},
  'x-api-key': { 'X-API-Key': 'test-key-12345' },
  bearer: { Authorization: 'Bearer test-token-12345' },
  'several-mixed-case': {
    'x-api-KEY': 'mixed-key-67890',
    AUTHORIZATION: 'Bearer mixed-token-67890',
    'X-Tenant': 'acme-tenant-1',
  },
}

/** Which canonical set a config's headers are most like (random configs have random names and values). */
function headerSetOf(headers: Record<string, string>): string {
  const names = Object.keys(headers)
  if (names.length === 0) return 'none'
  if (names.length > 1) return 'several-mixed-case'
  return names[0]!.toLowerCase() === 'authorization' ? 'bearer' : 'x-api-key'
}

/**
 * The headers dimension for a client whose config has only a bearer-token field: no headers, or
 * `Authorization: Bearer <token>` (random tokens in the random phase).
 */
export const BEARER_ONLY_HEADERS: Dimension = {
  name: 'headers',
  part: 'config',
  description: "configured headers: none, or a bearer token (all this client's config can carry)",
  values: ['none', 'bearer'],
  base: 'bearer',
  get: (input) => headerSetOf(input.config.headers),
  set: (input, value) => withConfig(input, { headers: { ...HEADER_SETS[value as string] } }),
  random: fc
    .option(tokenArbitrary(), { nil: undefined })
    .map(
      (token) => (input: TrialInput) =>
        withConfig(input, { headers: token === undefined ? {} : { Authorization: `Bearer ${token}` } }),
    ),
}

/**
 * How long the client keeps its session open after its calls (ms): none, a few seconds, longer.
 * Agents hold sessions for minutes; these are the mock's minutes (its tokens and streams act faster).
 */
export const KEEP_OPEN_MS = { none: 0, seconds: 800, longer: 2000 } as const

type KeepOpen = keyof typeof KEEP_OPEN_MS

/** The keep-open name of a length in ms (a saved input may hold any length: the nearest name not above it). */
function keepOpenOf(ms: number | undefined): KeepOpen {
  if (!ms) return 'none'
  return ms >= KEEP_OPEN_MS.longer ? 'longer' : 'seconds'
}

/**
 * The session held open after its calls, its GET stream open (only clients that can be told:
 * `keepsOpen`). Costly, so only coverage examples where time can tell hold sessions open.
 */
export const KEEP_OPEN_DIMENSION: Dimension = {
  name: 'keepOpen',
  part: 'config',
  description: `the session held open after its calls with its GET stream: none, ${KEEP_OPEN_MS.seconds} ms, ${KEEP_OPEN_MS.longer} ms (only clients that can be told)`,
  values: Object.keys(KEEP_OPEN_MS),
  base: 'none',
  searched: 'examples',
  get: (input) => keepOpenOf(input.config.keepOpenMs),
  set: (input, value) => {
    const { keepOpenMs: _, ...config } = input.config
    const ms = KEEP_OPEN_MS[value as KeepOpen]
    return { ...input, config: ms > 0 ? { ...config, keepOpenMs: ms } : config }
  },
}

/** A dimension over one part of the configured URL. */
function urlPart<K extends keyof McpUrlParts>(key: K, description: string, values: ReadonlyArray<McpUrlParts[K]>): Dimension {
  // JSON and tables have no "null" value worth printing: a missing port or query is "none".
  const toValue = (part: McpUrlParts[K]): DimensionValue => (part === null ? 'none' : (part as DimensionValue))
  const fromValue = (value: DimensionValue) => (value === 'none' ? null : value) as McpUrlParts[K]
  return {
    name: `url.${key}`,
    part: 'config',
    description,
    values: values.map(toValue),
    base: toValue(values[0]!),
    get: (input) => {
      const parts = parseMcpUrl(input.config.url)
      return parts ? toValue(parts[key]) : undefined
    },
    set: (input, value) => {
      const parts = parseMcpUrl(input.config.url)
      if (!parts) return input
      return { ...input, config: { ...input.config, url: composeMcpUrl({ ...parts, [key]: fromValue(value) }) } }
    },
  }
}

function withConfig(input: TrialInput, change: Partial<TrialInput['config']>): TrialInput {
  return { ...input, config: { ...input.config, ...change } }
}

/**
 * The grant the config names: the authorization code (a user at a browser), or one of the
 * authorization extensions' grants without a user. `dimensionsFor` keeps only those the client's
 * config can name.
 */
export const GRANT_DIMENSION: Dimension = {
  weights: { 'authorization-code': 8 },
  name: 'grant',
  part: 'config',
  description:
    'the grant the config names: authorization code, client credentials (secret or private key JWT), enterprise-managed (ID-JAG), workload identity (only grants the client can be told)',
  values: ['authorization-code', ...CONFIGURED_GRANTS],
  base: 'authorization-code',
  appliesWhen: { dimension: 'auth', values: ['oauth'] },
  get: (input) => input.config.grant ?? 'authorization-code',
  set: (input, value) => {
    const { grant: _, identityProvider: __, ...config } = input.config
    if (value === 'authorization-code') return { ...input, config }
    const idp = value === 'enterprise-managed' ? { identityProvider: IDP_ORIGIN } : {}
    return { ...input, config: { ...config, grant: value as ConfiguredGrant, ...idp } }
  },
}

/** The config's dimensions: transport, each part of the URL, the header set, a pre-registered client id, the grant. */
export const CONFIG_DIMENSIONS: readonly Dimension[] = [
  {
    name: 'transport',
    part: 'config',
    description: 'the transport the config names (only those the client speaks)',
    values: TRANSPORTS,
    base: 'streamable-http',
    get: (input) => input.config.transport,
    set: (input, value) => withConfig(input, { transport: value as Transport }),
  },
  urlPart('scheme', 'http or https', URL_SCHEMES),
  urlPart('host', 'a fake host, one in mixed case', URL_HOSTS),
  weighted(urlPart('port', 'no port or an explicit one', URL_PORTS), { none: 2 }),
  urlPart('path', 'the configured path: /mcp, root, /, /sse, nested', URL_PATHS),
  {
    ...urlPart('trailingSlash', 'a trailing slash after the path (a root path has none to add)', [false, true]),
    appliesWhen: { dimension: 'url.path', values: URL_PATHS.filter((path) => path !== '' && path !== '/') },
  },
  weighted(urlPart('query', 'a query string the client must keep', URL_QUERIES), { none: 2 }),
  {
    name: 'headers',
    part: 'config',
    description: 'configured headers: none, an API key, a bearer token, several in mixed case',
    values: Object.keys(HEADER_SETS),
    base: 'x-api-key',
    get: (input) => headerSetOf(input.config.headers),
    set: (input, value) => withConfig(input, { headers: { ...HEADER_SETS[value as string] } }),
    // The random phase draws 0–5 headers with random names, letter case and token values.
    random: headersArbitrary().map((headers) => (input: TrialInput) => withConfig(input, { headers })),
  },
  {
    weights: { false: 3 },
    name: 'oauthClientId',
    part: 'config',
    description: 'a client id pre-registered with the authorization server (only clients that can be told one)',
    values: [false, true],
    base: false,
    appliesWhen: { dimension: 'auth', values: ['oauth'] },
    get: (input) => input.config.oauthClientId !== undefined,
    set: (input, value) => {
      const { oauthClientId: _, ...config } = input.config
      return { ...input, config: value === true ? { ...config, oauthClientId: PRE_REGISTERED_CLIENT_ID } : config }
    },
  },
  GRANT_DIMENSION,
  KEEP_OPEN_DIMENSION,
]
