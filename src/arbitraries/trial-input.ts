import fc from 'fast-check'
import type { Transport } from '../core/client-config.js'
import type { TrialInput } from '../core/trial-input.js'
import { baseInput } from '../dimensions/base-input.js'
import { applies, type Dimension, type DimensionValue } from '../dimensions/dimension.js'
import { dimensionsFor } from '../dimensions/dimensions.js'

/** A change to an input that one dimension draws. */
type Change = (input: TrialInput) => TrialInput

/**
 * One dimension's random draw: its own `random` arbitrary when it has one, else one of its values
 * by weight, the base first so that shrinking goes to the base.
 */
function drawOf(dimension: Dimension): fc.Arbitrary<Change> {
  if (dimension.random) return dimension.random
  const ordered = [dimension.base, ...dimension.values.filter((v) => v !== dimension.base)]
  const choice = fc.oneof(
    { withCrossShrink: true },
    ...ordered.map((value) => ({ weight: dimension.weights?.[String(value)] ?? 1, arbitrary: fc.constant(value) })),
  )
  return choice.map(
    (value: DimensionValue): Change =>
      (input) =>
        dimension.set(input, value),
  )
}

/**
 * ClientConfig × ScenarioPlan for a client supporting `transports`, derived from the dimension
 * table: each dimension draws a value (by its weights) or its own richer change, applied parents
 * first to the base input; a dimension whose parent does not call for it keeps its base. Shrinks
 * every dimension towards its base. `oauthClientId: false` for a client that cannot be given a
 * pre-registered client id; `fixed` pins dimensions (e.g. `{ auth: 'oauth' }`).
 *
 * @example
 * fc.assert(fc.asyncProperty(trialInputArbitrary(['sse']), async ({ config, plan }) => { ... }))
 */
export function trialInputArbitrary(
  transports: readonly Transport[],
  options: {
    oauthClientId?: boolean
    configurableHeaders?: 'any' | 'bearer-only'
    fixed?: Readonly<Record<string, DimensionValue>>
  } = {},
): fc.Arbitrary<TrialInput> {
  const dimensions = dimensionsFor({
    transports,
    ...(options.oauthClientId === undefined ? {} : { acceptsOAuthClientId: options.oauthClientId }),
    ...(options.configurableHeaders === undefined ? {} : { configurableHeaders: options.configurableHeaders }),
  })
  // Parents first, so a child's draw is applied only where its parent's value calls for it.
  const ordered = dimensions
    .filter((dimension) => dimension.searched !== 'examples')
    .sort((a, b) => Number(!!a.appliesWhen) - Number(!!b.appliesWhen))
  const draws = ordered.map((dimension) => {
    const fixed = options.fixed?.[dimension.name]
    return fixed === undefined ? drawOf(dimension) : fc.constant<Change>((input) => dimension.set(input, fixed))
  })
  const base = baseInput(dimensions)
  return fc
    .tuple(...draws)
    .map((changes) =>
      changes.reduce((input, change, i) => (applies(ordered[i]!, input, dimensions) ? change(input) : input), base),
    )
}
