import fc from 'fast-check'
import type { ScenarioPlan } from '../scenario/scenario-plan.js'
import { authPlanArbitrary } from './auth-plan.js'
import { protocolVersionsArbitrary } from './protocol-versions.js'

/**
 * Server behaviour for one trial: endpoint location, versions, response and stream modes,
 * sessions, legacy endpoint form, tools, auth and which requests it guards, what the GET stream
 * carries (notifications, a drop and resume), a move to another origin and 404 style. Each field shrinks to its simplest.
 *
 * @example
 * const [plan] = fc.sample(scenarioPlanArbitrary(), 1)
 * const scenario = resolveScenario(config, plan!)
 */
export function scenarioPlanArbitrary(): fc.Arbitrary<ScenarioPlan> {
  return fc.record({
    endpoint: fc.oneof(
      { withCrossShrink: true },
      { weight: 5, arbitrary: fc.constant('at-configured-url' as const) },
      { weight: 1, arbitrary: fc.constant('elsewhere' as const) },
    ),
    protocolVersions: protocolVersionsArbitrary(),
    responseMode: fc.constantFrom('json' as const, 'sse' as const),
    getStream: fc.constantFrom('sse' as const, '405' as const),
    sessions: fc.boolean(),
    deleteAllowed: fc.boolean(),
    legacyEndpoint: fc.constantFrom('relative' as const, 'absolute' as const),
    tools: fc.boolean(),
    auth: authPlanArbitrary(),
    guard: fc.oneof(
      { withCrossShrink: true },
      { weight: 4, arbitrary: fc.constant('every-request' as const) },
      { weight: 1, arbitrary: fc.constantFrom('not-get-stream' as const, 'get-stream-only' as const, 'tools-call-only' as const) },
    ),
    getStreamEvents: fc.oneof(
      { withCrossShrink: true },
      { weight: 3, arbitrary: fc.constant('none' as const) },
      { weight: 1, arbitrary: fc.constantFrom('notification' as const, 'notification-then-drop' as const) },
    ),
    moved: fc.oneof(
      { withCrossShrink: true },
      { weight: 8, arbitrary: fc.constant(false) },
      { weight: 1, arbitrary: fc.constant(true) },
    ),
    notFound: fc.constantFrom('404-json' as const, '404-html' as const),
  })
}
