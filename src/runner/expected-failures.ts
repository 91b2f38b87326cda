import { z } from 'zod'
import { pathProblem } from './replay-path.js'
import { readJsonFile, validateFile } from '../recording/input-file.js'
import { trialInputSchema } from '../dimensions/trial-input-schema.js'
import type { TrialInput } from '../arbitraries/trial-input.js'
import type { PropertyResult } from './fuzz.js'

const schema = z.strictObject({
  description: z.string().optional(),
  failures: z.array(
    z
      .strictObject({
        client: z.string().min(1),
        property: z.string().min(1),
        /** The concrete input that shows it: replayed as is, whatever the arbitraries become. */
        input: trialInputSchema.optional(),
        /** A convenience: the random-phase seed and path that drew it (with today's arbitraries). */
        seed: z.number().int().optional(),
        path: z
          .string()
          .superRefine((path, context) => {
            const problem = pathProblem(path)
            if (problem) context.addIssue({ code: 'custom', message: problem })
          })
          .optional(),
        reason: z.string().min(1),
      })
      .refine((entry) => entry.input !== undefined || (entry.seed !== undefined && entry.path !== undefined), {
        message: 'an entry needs its "input" (config and plan), or a "seed" and "path"',
      }),
  ),
})

/** A property a client is known to violate, with the input (or seed and path) that shows it and why. */
export type ExpectedFailure = Omit<z.infer<typeof schema>['failures'][number], 'input'> & { input?: TrialInput }

/** Reads and validates an expected-failures file; errors name the file and the JSON path. */
export async function loadExpectedFailures(file: string): Promise<ExpectedFailure[]> {
  return validateFile(schema, await readJsonFile(file), file, 'expected-failures file').failures as ExpectedFailure[]
}

/** How a listed failure fared: seen in this run, not seen but still reproducing with its seed, or fixed (stale entry). */
export type Expectation = { entry: ExpectedFailure; status: 'seen' | 'reproduced' | 'stale' }

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
): Promise<Map<PropertyResult, Expectation>> {
  const outcome = new Map<PropertyResult, Expectation>()
  for (const result of results) {
    const entry = entries.find((e) => e.client === result.client && e.property === result.property.id)
    if (!entry) continue
    if (result.verdict === 'violated') outcome.set(result, { entry, status: 'seen' })
    // Stale needs evidence: a replay that exercised the rule and held. One that never reached it
    // (a timing-dependent bug whose session ended first under load) shows nothing either way.
    else outcome.set(result, { entry, status: (await replay(entry)).verdict === 'held' ? 'stale' : 'reproduced' })
  }
  return outcome
}
