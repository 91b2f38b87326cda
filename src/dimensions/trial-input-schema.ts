import { z } from 'zod'
import { HEADER_NAME, headerValueProblem } from '../spec/header-value.js'
import { CONFIGURED_GRANTS, TRANSPORTS } from '../core/client-config.js'
import { PROTOCOL_VERSIONS } from '../core/scenario.js'
import { SERVER_OPTION_LIST } from '../core/server-options.js'
import { DIMENSIONS } from './dimensions.js'

/** The string values a dimension declares (its categories), for an enum. */
function categories(name: string): [string, ...string[]] {
  const values = DIMENSIONS.find((d) => d.name === name)!.values.filter((v): v is string => typeof v === 'string')
  return values as [string, ...string[]]
}

const optionalScope = (name: string) => z.enum(categories(name).filter((v) => v !== 'none') as [string, ...string[]]).optional()

const oauthPlanSchema = z.strictObject({
  challenge: z.enum(categories('oauth.challenge')),
  prm: z.enum(categories('oauth.prm')),
  prmResource: z.enum(categories('oauth.prmResource')),
  asOrigin: z.enum(categories('oauth.asOrigin')),
  issuerPath: z.enum(categories('oauth.issuerPath')),
  asMetadata: z.enum(categories('oauth.asMetadata')),
  pkce: z.enum(categories('oauth.pkce')),
  registration: z.enum(categories('oauth.registration')),
  tokenAuth: z.enum(categories('oauth.tokenAuth')),
  stepUpScope: optionalScope('oauth.stepUpScope'),
  challengeScope: optionalScope('oauth.challengeScope'),
  tokenAccepted: z.boolean(),
  tokenRevoked: z.boolean().optional(),
  refresh: z.enum(categories('oauth.refresh')).optional(),
  tokenLifetime: z.enum(categories('oauth.tokenLifetime')).optional(),
  iss: z.enum(categories('oauth.iss')).optional(),
  metadataIssuer: z.enum(categories('oauth.metadataIssuer')).optional(),
  callbackState: z.enum(categories('oauth.callbackState')).optional(),
  migration: z.enum(categories('oauth.migration')).optional(),
  tokenRefusal: z.enum(categories('oauth.tokenRefusal')).optional(),
  scopePolicy: z.enum(categories('oauth.scopePolicy')).optional(),
  stepUpChallenge: z.enum(categories('oauth.stepUpChallenge')).optional(),
  grantRefusal: z.enum(categories('oauth.grantRefusal')).optional(),
  dpop: z.enum(categories('oauth.dpop')).optional(),
})

const authPlanSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({
    kind: z.literal('static-header'),
    credential: z.enum(categories('static.credential')),
    pick: z.number().int().nonnegative(),
    challenge: z.enum(categories('static.challenge')),
  }),
  z.strictObject({ kind: z.literal('oauth'), oauth: oauthPlanSchema }),
])

/** Configured headers: what a client will be given, so only what HTTP can carry (a NUL or line break would inject). */
export const configuredHeaders = z.record(
  z.string().regex(HEADER_NAME, 'not a header name'),
  z.string().superRefine((value, context) => {
    const problem = headerValueProblem(value)
    if (problem) context.addIssue({ code: 'custom', message: `a header value with ${problem}` })
  }),
)

/** A client config as saved: what a user wrote for one server (no credentials: a saved input names a grant, never its secrets). */
export const clientConfigSchema = z.strictObject({
  transport: z.enum(TRANSPORTS as ['streamable-http', 'sse']),
  url: z.url({ protocol: /^https?$/ }),
  headers: configuredHeaders,
  oauthClientId: z.string().min(1).optional(),
  grant: z.enum(CONFIGURED_GRANTS).optional(),
  identityProvider: z.url({ protocol: /^https?$/ }).optional(),
  dpop: z.literal(true).optional(),
  // A session held longer than a trial could ever wait is not an input, it is a hang.
  keepOpenMs: z.int().min(1).max(60_000).optional(),
})

/** One server option's values: true/false as a boolean, names as an enum. */
function optionSchema(values: readonly (string | boolean)[]) {
  return values.every((v) => typeof v === 'boolean') ? z.boolean() : z.enum(values as [string, ...string[]])
}

/** The server options of the table, each as the plan holds it; those added later may be absent. */
const optionSchemas = Object.fromEntries(
  SERVER_OPTION_LIST.map(([name, option]) => [
    name,
    option.optional ? optionSchema(option.values).optional() : optionSchema(option.values),
  ]),
)

/**
 * A trial's concrete input (config + plan) as saved in counterexample files and
 * `expected-failures.json`: re-running it needs no seed, so it survives changes to the arbitraries.
 * The categories come from the dimension table, so a new value is accepted where it is declared.
 */
export const trialInputSchema = z.strictObject({
  config: clientConfigSchema,
  plan: z.strictObject({
    protocolVersions: z.array(z.enum(PROTOCOL_VERSIONS)).min(1),
    auth: authPlanSchema,
    guard: z.enum(categories('guard')).optional(),
    ...optionSchemas,
  }),
})
