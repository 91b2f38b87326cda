import semver from 'semver'
import { z } from 'zod'
import { pathProblem } from './replay-path.js'
import { splitVersionedName } from '../clients/versioned-name.js'
import { readJsonFile, validateFile } from '../recording/input-file.js'
import { trialInputSchema } from '../dimensions/trial-input-schema.js'
import type { TrialInput } from '../core/trial-input.js'
import type { PropertyResult } from './fuzz.js'

const schema = z.strictObject({
  description: z.string().optional(),
  failures: z.array(
    z
      .strictObject({
        /** The client, or every client one root cause reaches (listed once for all of them). */
        client: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
        property: z.string().min(1),
        /**
         * The concrete input that shows it, replayed as is whatever the arbitraries become; or several
         * (one per client or transport the cause reaches): a listed client's replay tries each its
         * transports allow, and it is stale only when none fails.
         */
        input: z.union([trialInputSchema, z.array(trialInputSchema).min(1)]).optional(),
        /** A convenience: the random-phase seed and path that drew it (with today's arbitraries). */
        seed: z.number().int().optional(),
        path: z
          .string()
          .superRefine((path, context) => {
            const problem = pathProblem(path)
            if (problem) context.addIssue({ code: 'custom', message: problem })
          })
          .optional(),
        /**
         * The client versions it is known to fail in, a semver range (`1.32.2`, `>=1.30.0 <=1.32.2`).
         * In them a fix is STALE (exit 1); in another version it is "no longer fails in X.Y.Z" (exit 0).
         * Without it the entry holds for every version.
         */
        versions: z
          .string()
          // An empty range would mean every version: a mistake, not a statement.
          .refine((range) => range.trim() !== '' && semver.validRange(range) !== null, {
            message: 'a semver range of client versions, such as "1.32.2" or ">=1.30.0 <=1.32.2"',
          })
          .optional(),
        reason: z.string().min(1),
      })
      .refine((entry) => entry.input !== undefined || (entry.seed !== undefined && entry.path !== undefined), {
        message: 'an entry needs its "input" (config and plan), or a "seed" and "path"',
      }),
  ),
})

/**
 * A property a client is known to violate, with the inputs (or seed and path) that show it and why:
 * one per client, as read from a file entry that may name several.
 */
export type ExpectedFailure = Omit<z.infer<typeof schema>['failures'][number], 'input' | 'client'> & {
  client: string
  inputs?: TrialInput[]
}

/** Reads and validates an expected-failures file; errors name the file and the JSON path. An entry naming several clients is one per client. */
export async function loadExpectedFailures(file: string): Promise<ExpectedFailure[]> {
  const { failures } = validateFile(schema, await readJsonFile(file), file, 'expected-failures file')
  return failures.flatMap(({ client, input, ...rest }) =>
    (Array.isArray(client) ? client : [client]).map((name) => ({
      ...rest,
      client: name,
      ...(input === undefined ? {} : { inputs: (Array.isArray(input) ? input : [input]) as TrialInput[] }),
    })),
  )
}

/**
 * How a listed failure fared: seen in this run, not seen but still reproducing from its input,
 * stale (it no longer fails in a version the entry names), or fixed (it no longer fails in a
 * version outside the entry's `versions`: a new release fixed it, which is news, not a failure).
 * `version` is the client version that ran; `outsideVersions` when the entry does not name it.
 */
export type Expectation = {
  entry: ExpectedFailure
  status: 'seen' | 'reproduced' | 'stale' | 'fixed'
  version?: string
  outsideVersions?: boolean
}

/** The entry, if any, that lists `client` (by name, or by its name without `@VERSION`) × `property`. */
export function expectedEntry(
  entries: readonly ExpectedFailure[],
  client: string,
  property: string,
): ExpectedFailure | undefined {
  return (
    entries.find((e) => e.client === client && e.property === property) ??
    // `python-sdk@1.10.0` is listed as `python-sdk`: an entry names the client, whatever version runs.
    entries.find((e) => e.client === splitVersionedName(client).name && e.property === property)
  )
}

/** Whether `version` is outside the versions `entry` names (never, when either is unknown). */
function outside(entry: ExpectedFailure, version: string | undefined): boolean {
  if (entry.versions === undefined || version === undefined || semver.valid(version) === null) return false
  return !semver.satisfies(version, entry.versions, { includePrerelease: true })
}

/**
 * Matches results with the expected failures. A listed pair that did not fail in this run is
 * replayed from its input (or seed and path): still failing means the run just did not draw that input;
 * held (exercised, no violation) means the bug is fixed and the entry is stale; a replay that did
 * not exercise the rule proves neither, and the entry stays expected.
 */
export async function checkExpectations(
  results: readonly PropertyResult[],
  entries: readonly ExpectedFailure[],
  replay: (entry: ExpectedFailure) => Promise<PropertyResult>,
  versionOf: (client: string) => string | undefined = () => undefined,
): Promise<Map<PropertyResult, Expectation>> {
  const outcome = new Map<PropertyResult, Expectation>()
  for (const result of results) {
    const entry = expectedEntry(entries, result.client, result.property.id)
    if (!entry) continue
    const version = versionOf(result.client)
    const facts = { entry, ...(version ? { version } : {}), ...(outside(entry, version) ? { outsideVersions: true } : {}) }
    if (result.verdict === 'violated') {
      outcome.set(result, { ...facts, status: 'seen' })
      continue
    }
    // Stale needs evidence: a replay that exercised the rule and held. One that never reached it
    // (a timing-dependent bug whose session ended first under load) shows nothing either way.
    const held = (await replay(entry)).verdict === 'held'
    outcome.set(result, { ...facts, status: held ? (facts.outsideVersions ? 'fixed' : 'stale') : 'reproduced' })
  }
  return outcome
}
