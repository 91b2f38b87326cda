import { z } from 'zod'
import { readJsonFile, validateFile } from '../recording/input-file.js'
import type { PropertyResult } from './fuzz.js'

const schema = z.strictObject({
  description: z.string().optional(),
  failures: z.array(
    z.strictObject({
      client: z.string().min(1),
      property: z.string().min(1),
      seed: z.number().int(),
      path: z.string().regex(/^\d+(:\d+)*$/),
      reason: z.string().min(1),
    }),
  ),
})

/** A property a client is known to violate, with the seed and path that show it and why. */
export type ExpectedFailure = z.infer<typeof schema>['failures'][number]

/** Reads and validates an expected-failures file; errors name the file and the JSON path. */
export async function loadExpectedFailures(file: string): Promise<ExpectedFailure[]> {
  return validateFile(schema, await readJsonFile(file), file, 'expected-failures file').failures
}

/** How a listed failure fared: seen in this run, not seen but still reproducing with its seed, or fixed (stale entry). */
export type Expectation = { entry: ExpectedFailure; status: 'seen' | 'reproduced' | 'stale' }

/**
 * Matches results with the expected failures. A listed pair that did not fail in this run is
 * replayed with its seed and path: still failing means the run just did not draw that input;
 * passing means the bug is fixed and the entry is stale.
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
    else outcome.set(result, { entry, status: (await replay(entry)).verdict === 'violated' ? 'reproduced' : 'stale' })
  }
  return outcome
}
