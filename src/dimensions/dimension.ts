import type fc from 'fast-check'
import type { TrialInput } from '../core/trial-input.js'

/** A value a dimension can take: what `list --dimensions --json` prints and statistics count. */
export type DimensionValue = string | number | boolean

/**
 * One categorical axis of the search space (a part of the config or of the server's plan),
 * declared once: the covering array, exercise statistics and `list --dimensions` all read it.
 *
 * `get` reads the value an input has (undefined when the dimension does not apply to it, e.g. an
 * OAuth setting on a server without OAuth); `set` returns the input with this dimension changed and
 * nothing else. `base` is the simplest, most common value: what a shrunk counterexample falls back to.
 *
 * @example
 * const sessions: Dimension = {
 *   name: 'sessions', part: 'server', description: 'Mcp-Session-Id issued and required',
 *   values: [true, false], base: true,
 *   get: (input) => input.plan.sessions,
 *   set: (input, sessions) => ({ ...input, plan: { ...input.plan, sessions: sessions as boolean } }),
 * }
 */
export interface Dimension {
  name: string
  /** Which half of a trial input it belongs to. */
  part: 'config' | 'server'
  description: string
  values: readonly DimensionValue[]
  base: DimensionValue
  /** The dimension only means something when another one has one of these values (its parent, declared earlier). */
  appliesWhen?: { dimension: string; values: readonly DimensionValue[] }
  /** How often the random phase draws each value (by `String(value)`; 1 when not listed). */
  weights?: Readonly<Record<string, number>>
  /**
   * A richer random draw than the listed values, where the random phase should reach further
   * than the coverage phase (any set of headers with random names and tokens, any subset of
   * protocol versions): an arbitrary of changes to apply to an input.
   */
  random?: fc.Arbitrary<(input: TrialInput) => TrialInput>
  /**
   * `examples`: a costly dimension (a session held open for seconds) that neither the pairwise rows
   * nor the random phase vary; only the coverage examples that name it, where it can reveal something.
   * `alone`: a value that shows a fault by itself on a plain session (a server variant only one
   * era's rule looks at): the coverage phase meets it in its base choice, not in pairs; random draws it.
   */
  searched?: 'examples' | 'alone'
  /** Only the 2026-07-28 era's rules look at it: a client that never speaks that era meets only the base. */
  modernEraOnly?: true
  get(input: TrialInput): DimensionValue | undefined
  set(input: TrialInput, value: DimensionValue): TrialInput
}

/** The dimension with random-phase weights for some of its values. */
export function weighted(dimension: Dimension, weights: Readonly<Record<string, number>>): Dimension {
  return { ...dimension, weights }
}

/** Whether a dimension applies to an input (its parent, if any, has one of the values it needs). */
export function applies(dimension: Dimension, input: TrialInput, table: readonly Dimension[]): boolean {
  const condition = dimension.appliesWhen
  if (!condition) return true
  const parent = table.find((d) => d.name === condition.dimension)
  const value = parent?.get(input)
  return value !== undefined && condition.values.includes(value)
}
