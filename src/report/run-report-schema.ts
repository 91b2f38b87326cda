import { z } from 'zod'
import { recordingSchema } from '../recording/recording-schema.js'

export const RUN_REPORT_FORMAT = 'mcp-auth-harness/run-report'
export const RUN_REPORT_VERSION = 1

/** Links in a run report reach a page: only http(s) ones (a `javascript:` URL would run on click). */
const specReference = z.strictObject({ id: z.string(), url: z.url({ protocol: /^https?$/ }).optional() })

/** One client × property: the verdict, the counts behind it, and the counterexample when it failed. */
const resultSchema = z.strictObject({
  client: z.string(),
  property: z.strictObject({
    id: z.string(),
    level: z.enum(['MUST', 'SHOULD', 'EXPECTED']),
    statement: z.string(),
    source: z.string(),
    specReferences: z.array(specReference),
  }),
  /** What the fuzzer found. */
  verdict: z.enum(['held', 'violated', 'not-exercised']),
  /** The verdict read against the expected-failures file: what decides the exit code. */
  status: z.enum(['held', 'violated', 'not-exercised', 'expected-failure', 'stale-expected-failure']),
  runs: z.number().int().nonnegative(),
  /** Of `runs`, how many in each phase (the coverage phase first, then the random one). */
  phaseRuns: z.strictObject({ coverage: z.number().int().nonnegative(), random: z.number().int().nonnegative() }).optional(),
  held: z.number().int().nonnegative(),
  violated: z.number().int().nonnegative(),
  notExercised: z.number().int().nonnegative(),
  sessions: z.strictObject({
    completed: z.number().int().nonnegative(),
    clientError: z.number().int().nonnegative(),
    timeout: z.number().int().nonnegative(),
  }),
  durationMs: z.number().nonnegative(),
  expectedFailure: z
    .strictObject({
      reason: z.string(),
      seed: z.number().int().optional(),
      path: z.string().optional(),
      input: z.unknown().optional(),
      /** The client versions the entry names (a semver range). */
      versions: z.string().optional(),
      /** The client version that ran. */
      clientVersion: z.string().optional(),
      /** It held here, in a version outside `versions`: a release fixed it (status stays held, exit 0). */
      noLongerFails: z.boolean().optional(),
    })
    .optional(),
  /** The shrunk failing trial as a (redacted) recording, with its counterexample block. */
  counterexample: recordingSchema.optional(),
  /** Where the counterexample was saved, when it was. */
  savedAs: z.string().optional(),
})

/**
 * The document `fuzz --json` prints: stable (`format` + `version` change only when a reader of the
 * old shape would misread the new one); `schema/run-report.schema.json` is generated from it.
 */
export const runReportSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(RUN_REPORT_FORMAT),
  version: z.literal(RUN_REPORT_VERSION),
  tool: z.strictObject({ name: z.string(), version: z.string() }),
  startedAt: z.string(),
  durationMs: z.number().nonnegative(),
  seed: z.number().int(),
  runs: z.number().int().positive(),
  timeoutMs: z.number().int().positive(),
  shard: z.strictObject({ index: z.number().int().positive(), count: z.number().int().positive() }).optional(),
  /**
   * What the whole run covers, before any shard took its share: the clients (`fuzz`: each shard
   * runs every client × property on its share of the inputs) or the client's versions (`matrix`:
   * version i belongs to shard (i mod n) + 1), and the properties. What `report merge` and
   * `matrix --merge` check each shard against.
   */
  plan: z
    .strictObject({
      clients: z.array(z.string()).optional(),
      versions: z.array(z.string()).optional(),
      /** `scoreboard`: the clients at their releases (`NAME@VERSION`); entry i belongs to shard (i mod n) + 1. */
      entries: z.array(z.string()).optional(),
      properties: z.array(z.string()),
    })
    .optional(),
  /** Sessions actually run (each input runs once per client, whatever the number of properties). */
  trials: z.number().int().nonnegative(),
  /** Of `trials`, how many in each phase (shrinking included). */
  phases: z.strictObject({ coverage: z.number().int().nonnegative(), random: z.number().int().nonnegative() }).optional(),
  /**
   * Exercise accounting: per client, per property how many trials gave it something to judge, and
   * per dimension value how many trials drew it (searching, not shrinking).
   */
  exercise: z
    .record(
      z.string(),
      z.strictObject({
        properties: z.record(z.string(), z.number().int().nonnegative()),
        dimensions: z.record(z.string(), z.record(z.string(), z.number().int().nonnegative())),
      }),
    )
    .optional(),
  /** `--min-exercised N`: the properties exercised fewer than N times by some client (a failed run). */
  underExercised: z
    .array(z.strictObject({ client: z.string(), property: z.string(), exercised: z.number().int().nonnegative() }))
    .optional(),
  summary: z.strictObject({
    pairs: z.number().int().nonnegative(),
    held: z.number().int().nonnegative(),
    violated: z.number().int().nonnegative(),
    notExercised: z.number().int().nonnegative(),
    expectedFailures: z.number().int().nonnegative(),
    staleExpectedFailures: z.number().int().nonnegative(),
  }),
  /** 0 all held, 1 a failure; 130/143 when Ctrl-C or SIGTERM cut the run short (`incomplete`). */
  exitCode: z.union([z.literal(0), z.literal(1), z.literal(130), z.literal(143)]),
  /** Set when the run was interrupted: the results are the client × property pairs that finished. */
  incomplete: z
    .strictObject({
      signal: z.enum(['SIGINT', 'SIGTERM']),
      finishedPairs: z.number().int().nonnegative(),
      totalPairs: z.number().int().nonnegative(),
    })
    .optional(),
  /** The minimum of `--min-exercised`, when given. */
  minExercised: z.number().int().nonnegative().optional(),
  /**
   * What ran, for clients whose version is known: the version, when it was released (an installed
   * client's dependencies were resolved as of then) and the versions its install resolved.
   */
  clients: z
    .array(
      z.strictObject({
        name: z.string(),
        version: z.string(),
        releasedAt: z.string().optional(),
        dependencies: z.record(z.string(), z.string()).optional(),
        /** Set when this version could not be installed or started (`matrix`): why; it has no results. */
        unavailable: z.string().optional(),
      }),
    )
    .optional(),
  results: z.array(resultSchema),
})

export type RunReport = z.infer<typeof runReportSchema>
export type RunReportResult = RunReport['results'][number]

/** The JSON Schema (draft 2020-12) published as `schema/run-report.schema.json`. */
export function runReportJsonSchema(): object {
  return { ...z.toJSONSchema(runReportSchema, { target: 'draft-2020-12' }), title: 'mcp-auth-harness fuzz run report' }
}
