import type { TrialInput } from '../core/trial-input.js'
import { applies, type Dimension } from '../dimensions/dimension.js'

/** Shrinking tries at most this many inputs: a slow client's shrink stays bounded. */
const MAX_ATTEMPTS = 150

/**
 * Shrinks a failing input one dimension at a time: each dimension that is off its base value is
 * put back to the base, and each configured header is dropped, keeping every change after which
 * the input still fails, until nothing more can go. What is left are the values the failure needs.
 * Works on any input, so a coverage-phase failure (not drawn by an arbitrary) shrinks too.
 *
 * @example
 * const { input, steps } = await shrinkInput(failing, dimensionsFor(client), async (i) => failsAgain(i))
 */
export async function shrinkInput(
  failing: TrialInput,
  dimensions: readonly Dimension[],
  fails: (input: TrialInput) => Promise<boolean>,
): Promise<{ input: TrialInput; steps: number }> {
  let current = failing
  let steps = 0
  let attempts = 0
  const attempt = async (candidate: TrialInput): Promise<boolean> => {
    if (attempts >= MAX_ATTEMPTS || JSON.stringify(candidate) === JSON.stringify(current)) return false
    attempts += 1
    if (!(await fails(candidate))) return false
    current = candidate
    steps += 1
    return true
  }
  // A costly dimension first (a session held open for seconds): once it is back at its base, every
  // later attempt is a short session; while a failure needs it, each attempt costs the hold.
  const ordered = [
    ...dimensions.filter((dimension) => dimension.searched === 'examples'),
    ...dimensions.filter((dimension) => dimension.searched !== 'examples'),
  ]
  let changed = true
  while (changed && attempts < MAX_ATTEMPTS) {
    changed = false
    for (const dimension of ordered) {
      if (!applies(dimension, current, dimensions)) continue
      if (dimension.get(current) === dimension.base) continue
      const candidate = dimension.set(current, dimension.base)
      // Fewer configured headers is smaller than the base header set: the header set's base (an
      // API key) must not undo a dropped header, or the two would take turns until the budget ends.
      if (Object.keys(candidate.config.headers).length > Object.keys(current.config.headers).length) continue
      if (await attempt(candidate)) changed = true
    }
    for (const name of Object.keys(current.config.headers)) {
      const { [name]: _, ...headers } = current.config.headers
      if (await attempt({ ...current, config: { ...current.config, headers } })) changed = true
    }
    const auth = current.plan.auth
    if (auth.kind === 'static-header' && auth.pick !== 0)
      if (await attempt({ ...current, plan: { ...current.plan, auth: { ...auth, pick: 0 } } })) changed = true
  }
  return { input: current, steps }
}
