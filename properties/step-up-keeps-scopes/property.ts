import { spec, type Property, type Violation } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import { foreignPrm, owed, reauthorizations } from '../scope-step-up/property.js'

const ID = 'step-up-keeps-scopes'

/** A step-up the client made: the 403 it answered, the scope it had asked for before, and where it asked again. */
function stepUps(trial: Trial) {
  if (foreignPrm(trial)) return []
  const asked = reauthorizations(trial)
  return owed(trial).flatMap(({ exchange }) => {
    const before = asked.filter((a) => a.exchange.requestTick < exchange.requestTick).at(-1)
    const after = asked.find((a) => a.exchange.requestTick > (exchange.responseTick ?? exchange.requestTick))
    const previous = (before?.scope ?? '').split(/\s+/).filter(Boolean)
    return before && after && previous.length > 0 ? [{ challenged: exchange, previous, after }] : []
  })
}

/**
 * When the client re-authorizes after a 403 `insufficient_scope`, it asks for every scope it asked
 * for before as well as the challenged ones (SEP-2350): a server whose challenge names only the
 * missing scope would otherwise leave it with a token that lost what it had.
 */
export const stepUpKeepsScopes: Property = {
  id: ID,
  statement:
    'A re-authorization after a 403 insufficient_scope asks for every scope the client asked for before, as well as the challenged ones.',
  source: spec('2026-07-28', 'Authorization › Scope Selection Strategy (step-up: previous ∪ challenged, SEP-2350)', {
    page: 'basic/authorization',
  }),
  level: 'SHOULD',
  exercised: (trial) => stepUps(trial).length > 0,
  check(trial: Trial): Violation[] {
    const first = stepUps(trial)[0]
    if (!first) return []
    const asked = new Set(first.after.scope.split(/\s+/).filter(Boolean))
    const dropped = first.previous.filter((scope) => !asked.has(scope))
    if (dropped.length === 0) return []
    return [
      {
        property: ID,
        exchange: first.after.exchange.seq,
        message: `${first.after.kind} #${first.after.exchange.seq}, the step-up after the 403 insufficient_scope (#${first.challenged.seq}), dropped ${dropped.join(', ')}, which it had asked for before ("${first.previous.join(' ')}")`,
      },
    ]
  },
}
