import { z } from 'zod'
import { clientConfigSchema, trialInputSchema } from '../dimensions/trial-input-schema.js'
import { RECORDING_FORMAT, RECORDING_VERSION } from './recording.js'

const exchangeHeaders = z.record(z.string(), z.union([z.string(), z.array(z.string())]))

const sseEvent = z.strictObject({
  event: z.string().optional(),
  data: z.string(),
  id: z.string().optional(),
  retry: z.number().int().nonnegative().optional(),
  atMs: z.number().nonnegative(),
})

const request = z.strictObject({
  method: z.string().min(1),
  url: z.url(),
  headers: exchangeHeaders,
  json: z.unknown().optional(),
  text: z.string().optional(),
})

const response = z.strictObject({
  status: z.number().int().min(100).max(599),
  headers: exchangeHeaders,
  json: z.unknown().optional(),
  text: z.string().optional(),
  events: z.array(sseEvent).optional(),
})

const exchange = z.strictObject({
  seq: z.number().int().positive(),
  order: z.strictObject({ request: z.number().int().nonnegative(), response: z.number().int().nonnegative().optional() }),
  request,
  response: response.optional(),
  error: z.string().optional(),
})

/** The zod schema every loaded recording must satisfy; `recording.schema.json` is generated from it. */
export const recordingSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(RECORDING_FORMAT),
  version: z.literal(RECORDING_VERSION),
  metadata: z.strictObject({
    tool: z.string(),
    toolVersion: z.string(),
    source: z.enum(['record', 'proxy', 'forward-proxy', 'har', 'reconstruction', 'fuzz']),
    client: z.string(),
    transport: z.enum(['streamable-http', 'sse']),
    recordedAt: z.string(),
    notes: z.string().optional(),
  }),
  config: clientConfigSchema,
  exchanges: z.array(exchange),
  counterexample: z
    .strictObject({
      client: z.string(),
      /** What the client is, with its version; absent in files from before it was written. */
      clientDescription: z.string().optional(),
      /** The client's version, when known: a stored example is replayed for the same name and version only. */
      clientVersion: z.string().max(200).optional(),
      property: z.string(),
      level: z.string(),
      statement: z.string(),
      /** The phase that found it (`example`: a stored example replayed, `label` its file); absent in files from before phases (random). */
      phase: z.enum(['coverage', 'random', 'example']).optional(),
      seed: z.number().int(),
      path: z.string().regex(/^\d+(:\d+)*$/),
      /** What the coverage input was, for coverage-phase finds. */
      label: z.string().optional(),
      /** The concrete shrunk input (config + plan, secrets redacted): what `replay` re-runs. */
      input: trialInputSchema.optional(),
      shrinks: z.number().int().nonnegative(),
      reproduce: z.string(),
      timeoutMs: z.number().int().positive(),
      configFormat: z.string().optional(),
      scenario: z.unknown().optional(),
      outcome: z.string(),
      violations: z.array(z.strictObject({ exchange: z.number().int().optional(), message: z.string() })),
      curl: z.array(z.string()),
    })
    .optional(),
})

/** The JSON Schema (draft 2020-12) published beside the code as `schema/recording.schema.json`. */
export function recordingJsonSchema(): object {
  return {
    ...z.toJSONSchema(recordingSchema, { target: 'draft-2020-12' }),
    title: 'mcp-auth-harness recording',
  }
}
