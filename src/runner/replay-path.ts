/** The most steps a replay path may have: a shrunk counterexample's path is tens of steps long. */
export const MAX_PATH_STEPS = 1000
/** The largest number a step may hold: fast-check walks to it one value at a time, so a huge one hangs. */
const MAX_PATH_STEP = 100_000

/**
 * Why `path` cannot be a fast-check replay path (as printed with a counterexample: `3:0:1`), or
 * undefined. Checked wherever a path comes in (a flag, an expected-failures file), so a bad one is
 * a one-line input error and never a stack trace or a hang.
 *
 * @example
 * pathProblem('99999999999999999999') // 'a step is larger than 100000'
 */
export function pathProblem(path: string): string | undefined {
  if (!/^\d+(:\d+)*$/.test(path)) return 'it must look like "3:0:1" (as printed with a counterexample)'
  const steps = path.split(':')
  if (steps.length > MAX_PATH_STEPS) return `it has ${steps.length} steps; a counterexample path has at most ${MAX_PATH_STEPS}`
  if (steps.some((step) => step.length > 6 || Number(step) > MAX_PATH_STEP)) return `a step is larger than ${MAX_PATH_STEP}`
  return undefined
}
